// Request text inside SQL patterns, matched literally: the one place that escapes it.

/** `text` matched literally inside a LIKE pattern (MySQL/MariaDB; `\\` is the escape). */
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
/** `text` matched literally inside a GLOB pattern (SQLite). */
const globEscape = (text: string) => text.replace(/[*?[\]]/g, (ch) => `[${ch}]`)
/** A prefix pattern: `LIKE 'text%'` on MySQL/MariaDB, `GLOB 'text*'` on SQLite (case-sensitive, index-friendly). */
export const prefixPattern = (mysql: boolean, text: string) =>
  mysql ? `${likeEscape(text)}%` : `${globEscape(text)}*`
