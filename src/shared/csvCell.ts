// A CSV cell a spreadsheet will not run: for the server's exports and the browser's downloads.

// What a spreadsheet runs as a formula: =, +, -, @ first, or a tab or carriage return first.
const FORMULA_START = /^[=+\-@\t\r]/

// Inside a cell, what a reader of the other dialect takes for the start of a cell: after a `,`,
// a `;` or a line break (quotes do not help it there: the quote is not at the start of its cell).
const INNER_FORMULA_START = /([,;\r\n])(?=[=+\-@\t\r])/g

/**
 * A text cell made inert: a leading apostrophe makes a spreadsheet show it as text (OWASP's
 * advice), at its start and after each separator of either dialect or line break inside it
 * (`Dupont,=2+5` becomes `Dupont,'=2+5`): a French file read with `,` finds no formula in it.
 */
export const neutralise = (text: string): string => {
  const inner = text.replace(INNER_FORMULA_START, "$1'")
  return FORMULA_START.test(inner) ? `'${inner}` : inner
}
