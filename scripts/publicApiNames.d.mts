/** Sorted lines, one per exported name of the `.d.ts` entry: `name`, or `type name` for a type only. */
export function publicApiNames(entry: string): string[]
