import { NAME_MATCH_THRESHOLD, nameSimilarity } from './nameSimilarity.js'

test('the same name is 1, nothing in common is 0, an empty name is 0', () => {
  expect(nameSimilarity('dupont jean', 'dupont jean')).toBe(1)
  expect(nameSimilarity('abc', 'xyz')).toBe(0)
  expect(nameSimilarity('', 'dupont')).toBe(0)
})

test('a typo is over the threshold, another person is under it', () => {
  expect(nameSimilarity('dupont jean', 'dupond jean')).toBeGreaterThanOrEqual(NAME_MATCH_THRESHOLD)
  expect(nameSimilarity('dupont jean', 'martin paul')).toBeLessThan(NAME_MATCH_THRESHOLD)
})
