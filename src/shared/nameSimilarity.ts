import { distance } from 'fastest-levenshtein'

/** A close name is the same person from this similarity on (0…1): the import and the duplicates check. */
export const NAME_MATCH_THRESHOLD = 0.85

/** 1 for the same name, 0 for nothing in common (Levenshtein distance over the longer length). */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0
  return 1 - distance(a, b) / Math.max(a.length, b.length)
}
