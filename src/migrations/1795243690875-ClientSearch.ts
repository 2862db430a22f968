import type { MigrationInterface, QueryRunner } from 'typeorm'

/** Search columns and the list's covering indexes (issue 6); fills the search columns of existing clients. */
export class ClientSearch1795243690875 implements MigrationInterface {
  name = 'ClientSearch1795243690875'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`searchName\` varchar(220) NULL`)
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`searchNameReversed\` varchar(220) NULL`)
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`searchNameTail\` varchar(220) NULL`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_searchName\` ON \`clients\` (\`searchName\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_searchNameReversed\` ON \`clients\` (\`searchNameReversed\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_searchNameTail\` ON \`clients\` (\`searchNameTail\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_createdAt_id_status\` ON \`clients\` (\`createdAt\`, \`id\`, \`status\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_lastName_id_status\` ON \`clients\` (\`lastName\`, \`id\`, \`status\`)`)
    // Created before the old one goes: the foreign key on advisorId needs an index at all times.
    await queryRunner.query(`CREATE INDEX \`IDX_contracts_advisorId_clientId\` ON \`contracts\` (\`advisorId\`, \`clientId\`)`)
    await queryRunner.query(`DROP INDEX \`IDX_clients_lastName\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_createdAt\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_contracts_advisorId\` ON \`contracts\``)
    await backfillSearchColumns(queryRunner)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_contracts_advisorId\` ON \`contracts\` (\`advisorId\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_createdAt\` ON \`clients\` (\`createdAt\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_lastName\` ON \`clients\` (\`lastName\`)`)
    await queryRunner.query(`DROP INDEX \`IDX_contracts_advisorId_clientId\` ON \`contracts\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_lastName_id_status\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_createdAt_id_status\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_searchNameTail\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_searchNameReversed\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_searchName\` ON \`clients\``)
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`searchNameTail\``)
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`searchNameReversed\``)
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`searchName\``)
  }
}

// The search columns as this migration fills them: a copy frozen here, so the migration does the
// same on every database whatever the live code (shared/searchText.ts) becomes later.

function normalizeForSearch(text: string | null | undefined): string {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[œ]/g, 'oe')
    .replace(/[^a-z0-9@.+_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const SEARCH_LENGTH = 220

/**
 * What the three indexed search columns hold for a name: last name first (`dupont jean`), first
 * name first (`jean dupont`), and for a last name of several words the words after the first
 * (`gall aimable` for Le Gall Aimable). A prefix of any of them is a B-tree range: `dupo`,
 * `jean dupont`, `dupont j`, `gall` all use an index.
 */
function searchColumnsFor(
  lastName: string | null | undefined,
  firstName: string | null | undefined,
): { searchName: string; searchNameReversed: string; searchNameTail: string | null } {
  const last = normalizeForSearch(lastName)
  const first = normalizeForSearch(firstName)
  const join = (...parts: string[]) => parts.filter(Boolean).join(' ').slice(0, SEARCH_LENGTH)
  const lastWords = last.split(' ')
  return {
    searchName: join(last, first),
    searchNameReversed: join(first, last),
    searchNameTail: lastWords.length > 1 ? join(lastWords.slice(1).join(' '), first) : null,
  }
}

// Through the migration's query runner with the table in backquotes: it follows the table prefix.
async function backfillSearchColumns(queryRunner: QueryRunner): Promise<number> {
  let done = 0
  for (;;) {
    const rows: { id: number; lastName: string; firstName: string | null }[] = await queryRunner.query(
      'SELECT id, lastName, firstName FROM `clients` WHERE searchName IS NULL ORDER BY id LIMIT 1000',
    )
    if (rows.length === 0) return done
    // One UPDATE per batch (CASE by id), outside any transaction of its own: in a MariaDB
    // migration the DDL before it has already committed. Version and update time stay: this is no edit.
    const columns = rows.map((row) => searchColumnsFor(row.lastName, row.firstName))
    const set = (['searchName', 'searchNameReversed', 'searchNameTail'] as const).map(
      (name) => `${name} = CASE id ${rows.map(() => 'WHEN ? THEN ?').join(' ')} END`,
    )
    const params = (['searchName', 'searchNameReversed', 'searchNameTail'] as const).flatMap((name) =>
      rows.flatMap((row, i) => [row.id, columns[i][name]]),
    )
    await queryRunner.query(
      `UPDATE \`clients\` SET ${set.join(', ')}, updatedAt = updatedAt WHERE id IN (${rows.map(() => '?').join(', ')})`,
      [...params, ...rows.map((row) => row.id)],
    )
    done += rows.length
  }
}
