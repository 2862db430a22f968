import { writeFile } from 'node:fs/promises'

export const COMMISSION_CSV_HEADER =
  'N° client;Nom;Prénom;E-mail;Contrat;Produit;Conseiller;Période;Montant;Taux'

/**
 * A commission CSV of `rows` rows for an advisor `advisorCode`, built to cross chunk boundaries:
 * 700 clients each on about every 700th row (the same new client and contract found again in
 * later chunks, by number, by email or by name alone), and a refused row (bad amount) every 97th.
 * Every amount is distinct (it holds the row number): a commission written twice shows up.
 */
export function commissionCsv(rows: number, advisorCode: string, prefix = 'JOB'): string {
  const lines = [COMMISSION_CSV_HEADER]
  for (let i = 0; i < rows; i += 1) {
    const k = i % 700
    const byName = k % 5 === 0
    const number = byName ? '' : `${prefix}${String(k).padStart(5, '0')}`
    const email = !byName && k % 3 === 0 ? `${prefix.toLowerCase()}${k}@example.test` : ''
    const amount = i % 97 === 96 ? 'abc' : `${1000 + i},${String(i % 100).padStart(2, '0')}`
    lines.push(
      [
        number,
        `Client${prefix}${k}`,
        `Prénom${k}`,
        email,
        `K-${prefix}-${k}`,
        'PER',
        advisorCode,
        '2026-02',
        amount,
        '2,5',
      ].join(';'),
    )
  }
  return `${lines.join('\n')}\n`
}

export async function writeCommissionCsv(file: string, rows: number, advisorCode: string, prefix?: string) {
  await writeFile(file, commissionCsv(rows, advisorCode, prefix))
}
