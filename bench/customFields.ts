import type { DataSource } from 'typeorm'

// The bench's custom fields (issue 28): five fields every client of the data set has a value of,
// so the list shows five custom columns; the case filters on one of them (a choice, a third of
// the clients). Made once with the data set, by one INSERT … SELECT per field.

const FIELDS = [
  { key: 'bench_risk', type: 'choice', choices: 'prudent\nequilibre\ndynamique' },
  { key: 'bench_income', type: 'money', choices: null },
  { key: 'bench_birth', type: 'date', choices: null },
  { key: 'bench_segment', type: 'shortText', choices: null },
  { key: 'bench_vip', type: 'yesNo', choices: null },
] as const

/** The five fields' ids (made with their values for every client when absent), the filtered one first. */
export async function benchCustomFields(dataSource: DataSource): Promise<number[]> {
  const mysql = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb'
  const ids: number[] = []
  for (const [position, field] of FIELDS.entries()) {
    const [found] = await dataSource.query(`SELECT id FROM custom_fields WHERE \`key\` = ?`, [field.key])
    if (found) {
      ids.push(Number(found.id))
      continue
    }
    await dataSource.query(
      `INSERT INTO custom_fields (\`key\`, type, labelFr, labelEn, choices, position, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
      [field.key, field.type, field.key, field.key, field.choices, 100 + position],
    )
    const [{ id }] = await dataSource.query(`SELECT id FROM custom_fields WHERE \`key\` = ?`, [field.key])
    const mod = (n: number) => (mysql ? `MOD(c.id, ${n})` : `(c.id % ${n})`)
    const column = {
      bench_risk: `textValue, textKey) SELECT c.id, ?, 0, CASE ${mod(3)} WHEN 0 THEN 'prudent' WHEN 1 THEN 'equilibre' ELSE 'dynamique' END, CASE ${mod(3)} WHEN 0 THEN 'prudent' WHEN 1 THEN 'equilibre' ELSE 'dynamique' END`,
      bench_income: `numberValue) SELECT c.id, ?, 0, ${mod(100000)} + 0.5`,
      bench_birth: mysql
        ? `dateValue) SELECT c.id, ?, 0, DATE_ADD('1950-01-01', INTERVAL ${mod(20000)} DAY)`
        : `dateValue) SELECT c.id, ?, 0, date('1950-01-01', '+' || ${mod(20000)} || ' days')`,
      bench_segment: `textValue, textKey) SELECT c.id, ?, 0, 'Segment ' || ${mod(50)}, 'segment ' || ${mod(50)}`,
      bench_vip: `numberValue) SELECT c.id, ?, 0, ${mod(2)}`,
    }[field.key]
    const sql = `INSERT INTO client_custom_values (clientId, fieldId, ordinal, ${column} FROM clients c`
    await dataSource.query(mysql ? sql.replace(/'([^']*)' \|\| (MOD\([^)]*\))/g, "CONCAT('$1', $2)") : sql, [
      Number(id),
    ])
    ids.push(Number(id))
  }
  return ids
}
