/**
 * An amount as a person types it: `1234.56`, `-12,5`, `+ 1 234,56`, `1 234.56` (regular, no-break or
 * thin spaces as thousands separators). Groups: the sign, the units, the cents (one or two digits).
 * Read by the server (services/core/money.ts) and by the balance form's preview.
 */
export const AMOUNT_PATTERN = /^([+-]?)\s*(\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/
