import type { MigrationInterface, QueryRunner } from 'typeorm'
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min'

/** Issue 31: a client found by its phone in any format and by its email's domain; fills both for existing clients. */
export class ClientContactSearch1795480000000 implements MigrationInterface {
  name = 'ClientContactSearch1795480000000'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`searchPhone\` varchar(20) NULL`)
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`searchEmailDomain\` varchar(255) NULL`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_searchPhone\` ON \`clients\` (\`searchPhone\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_searchEmailDomain\` ON \`clients\` (\`searchEmailDomain\`)`)
    await backfillContactColumns(queryRunner)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_clients_searchEmailDomain\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_searchPhone\` ON \`clients\``)
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`searchEmailDomain\``)
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`searchPhone\``)
  }
}

// The two columns as this migration fills them: a copy frozen here (shared/searchText.ts may change).

function phoneSearchKey(phone: string | null, country: string | null): string | null {
  const text = String(phone ?? '').trim()
  if (!/\d/.test(text)) return null
  const home = typeof country === 'string' && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : 'FR'
  const parsed = parsePhoneNumberFromString(text, home as CountryCode)
  const digits = parsed?.isPossible() ? String(parsed.nationalNumber) : text.replace(/\D/g, '').replace(/^0+/, '')
  return digits ? digits.slice(0, 20) : null
}

function emailDomainOf(email: string | null): string | null {
  const text = String(email ?? '')
    .trim()
    .toLowerCase()
  const at = text.lastIndexOf('@')
  return at >= 0 && at < text.length - 1 ? text.slice(at + 1, at + 256) : null
}

// By batches of 1,000 ids (keyset), one UPDATE each, through the query runner (it follows the table prefix).
async function backfillContactColumns(queryRunner: QueryRunner): Promise<void> {
  let last = 0
  for (;;) {
    const rows: { id: number; phone: string | null; country: string | null; email: string | null }[] =
      await queryRunner.query(
        'SELECT id, phone, country, email FROM `clients` WHERE id > ? AND (phone IS NOT NULL OR email IS NOT NULL) ORDER BY id LIMIT 1000',
        [last],
      )
    if (rows.length === 0) return
    last = Number(rows[rows.length - 1].id)
    const phones = rows.map((row) => phoneSearchKey(row.phone, row.country))
    const domains = rows.map((row) => emailDomainOf(row.email))
    const cases = rows.map(() => 'WHEN ? THEN ?').join(' ')
    await queryRunner.query(
      `UPDATE \`clients\` SET searchPhone = CASE id ${cases} END, searchEmailDomain = CASE id ${cases} END, updatedAt = updatedAt WHERE id IN (${rows.map(() => '?').join(', ')})`,
      [
        ...rows.flatMap((row, i) => [row.id, phones[i]]),
        ...rows.flatMap((row, i) => [row.id, domains[i]]),
        ...rows.map((row) => row.id),
      ],
    )
  }
}
