import * as z from 'zod/mini'
import { readChoices, readDefinition } from './customFieldDefinition.js'
import {
  customValueSchema,
  isCalendarDay,
  readCustomFilter,
  readValue,
  valueText,
  type CustomFieldDefinition,
} from './customFields.js'

const field = (over: Partial<CustomFieldDefinition>): CustomFieldDefinition => ({
  id: 1,
  key: 'f',
  type: 'shortText',
  labelFr: 'Champ',
  labelEn: 'Field',
  required: false,
  isUnique: false,
  defaultValue: null,
  pattern: null,
  choices: [],
  position: 0,
  personal: false,
  searchable: false,
  visibility: 'everyone',
  ...over,
})
const risk = field({
  type: 'choice',
  choices: [
    { value: 'prudent', labelFr: 'Prudent', labelEn: 'Cautious', colour: 'green' },
    { value: 'dynamique', labelFr: 'Dynamique', labelEn: 'Dynamic', colour: 'red' },
  ],
})
const parse = (f: CustomFieldDefinition, raw: unknown) => {
  const result = z.safeParse(customValueSchema(f), raw)
  return result.success ? { value: result.data } : { error: result.error.issues[0].message }
}

describe('custom field values', () => {
  test.each([
    ['number', '12', 12],
    ['number', '-3', -3],
    ['decimal', '0,25', 0.25],
    ['money', '10', '10.00'],
    ['money', '-1.5', '-1.50'],
    ['date', '2024-02-29', '2024-02-29'],
    ['yesNo', 'on', true],
    ['yesNo', 'false', false],
    ['email', 'A@B.fr', 'a@b.fr'],
    ['url', 'https://x.fr/p?q=1', 'https://x.fr/p?q=1'],
    ['phone', '+33 (0)1 23.45-67', '+33 (0)1 23.45-67'],
  ] as const)('%s reads %s', (type, raw, value) => {
    expect(readValue(field({ type }), raw)).toEqual({ value })
  })

  test.each([
    ['number', '1.5', 'invalidNumber'],
    ['decimal', '1e5', 'invalidNumber'],
    ['money', '1.234', 'invalidAmount'],
    ['date', '2023-02-29', 'invalidDate'],
    ['yesNo', 'perhaps', 'invalidValue'],
    ['email', 'a@', 'invalidEmail'],
    ['url', 'javascript:alert(1)', 'invalidUrl'],
    ['url', 'ftp://x.fr', 'invalidUrl'],
    ['phone', '=1+1', 'invalidPhone'],
    ['shortText', 'a\nb', 'invalidCharacters'],
    ['shortText', 'x'.repeat(256), 'tooLong'],
  ] as const)('%s refuses %j (%s)', (type, raw, error) => {
    expect(readValue(field({ type }), raw)).toEqual({ error })
  })

  test('a pattern is matched on the whole text; a long text keeps its line breaks', () => {
    const siret = field({ pattern: '\\d{14}' })
    expect(readValue(siret, '12345678901234')).toEqual({ value: '12345678901234' })
    expect(readValue(siret, 'x12345678901234')).toEqual({ error: 'customFieldPattern' })
    expect(readValue(field({ type: 'longText' }), 'a\nb')).toEqual({ value: 'a\nb' })
  })

  test('choices: one of the values; several in the definition’s order, each once', () => {
    expect(readValue(risk, 'dynamique')).toEqual({ value: 'dynamique' })
    expect(readValue(risk, 'Dynamique')).toEqual({ error: 'invalidChoice' })
    const several = { ...risk, type: 'choices' as const }
    expect(readValue(several, 'dynamique, prudent,dynamique')).toEqual({ value: ['prudent', 'dynamique'] })
    expect(readValue(several, 'prudent,other')).toEqual({ error: 'invalidChoice' })
  })

  test('the schema: blank is null, or fieldRequired when required; an object is invalidValue', () => {
    expect(parse(field({}), '  ')).toEqual({ value: null })
    expect(parse(field({}), undefined)).toEqual({ value: null })
    expect(parse(field({ required: true }), '')).toEqual({ error: 'fieldRequired' })
    expect(parse(field({ required: true }), undefined)).toEqual({ error: 'fieldRequired' })
    expect(parse({ ...risk, type: 'choices', required: true }, ',')).toEqual({ error: 'fieldRequired' })
    expect(parse(field({}), { a: 1 })).toEqual({ error: 'invalidValue' })
    expect(parse(field({ type: 'yesNo' }), '')).toEqual({ value: false })
    expect(parse(field({ type: 'yesNo' }), true)).toEqual({ value: true })
  })

  test('a value as text: choices by their label in the language, yes/no translated', () => {
    expect(valueText(risk, 'dynamique', 'fr')).toBe('Dynamique')
    expect(valueText({ ...risk, type: 'choices' }, ['prudent', 'dynamique'], 'en')).toBe('Cautious, Dynamic')
    expect(valueText(field({ type: 'yesNo' }), true, 'fr')).toBe('Oui')
    expect(valueText(field({}), null, 'en')).toBe('')
  })

  test('calendar days only', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true)
    expect(isCalendarDay('2024-13-01')).toBe(false)
    expect(isCalendarDay('2024-1-1')).toBe(false)
  })
})

describe('custom field definitions', () => {
  const base = { key: 'risk', type: 'choice', labelFr: 'Profil', labelEn: 'Profile' }

  test('choices: value | French | English | colour, the English label and colour optional', () => {
    expect(readChoices('a | Un | One | red\n\n b ')).toEqual([
      { value: 'a', labelFr: 'Un', labelEn: 'One', colour: 'red' },
      { value: 'b', labelFr: 'b', labelEn: 'b', colour: 'grey' },
    ])
    expect(readChoices('A')).toEqual({ error: 'customFieldChoiceValue' })
    expect(readChoices('a\na')).toEqual({ error: 'customFieldChoiceTwice' })
    expect(readChoices('a | x | y | mauve')).toEqual({ error: 'customFieldChoiceColour' })
  })

  test('a good definition; each cross-field rule a field error', () => {
    expect(readDefinition({ ...base, choices: 'a\nb', required: 'true', position: '3' })).toEqual({
      definition: expect.objectContaining({
        key: 'risk',
        required: true,
        position: 3,
        visibility: 'everyone',
      }),
    })
    const errorsOf = (payload: Record<string, unknown>) => {
      const read = readDefinition({ ...base, ...payload })
      return 'errors' in read ? read.errors : {}
    }
    expect(errorsOf({ key: '1abc', choices: 'a' })).toEqual({ key: 'customFieldKeyInvalid' })
    expect(errorsOf({})).toEqual({ choices: 'customFieldChoicesRequired' })
    expect(errorsOf({ choices: 'a', defaultValue: 'b' })).toEqual({ defaultValue: 'invalidChoice' })
    expect(errorsOf({ type: 'shortText', pattern: '[' })).toEqual({ pattern: 'customFieldPatternInvalid' })
    expect(errorsOf({ type: 'shortText', pattern: '\\d+', defaultValue: 'x' })).toEqual({
      defaultValue: 'customFieldPattern',
    })
    expect(errorsOf({ choices: 'a', visibility: 'nobody' })).toEqual({ visibility: 'invalidChoice' })
    expect(errorsOf({ choices: 'a', position: 'first' })).toEqual({ position: 'invalidNumber' })
  })
})

describe('the list’s filter on custom fields', () => {
  test('each op read into its item; contains keeps its text (colons too); a bad item drops the whole filter', () => {
    expect(
      readCustomFilter('risk:any:dynamique|prudent;name:contains: du:pont ;kids:range:2..;ok:yes:'),
    ).toEqual([
      { key: 'risk', op: 'any', values: ['dynamique', 'prudent'] },
      { key: 'name', op: 'contains', values: ['du:pont'] },
      { key: 'kids', op: 'range', values: ['2', ''] },
      { key: 'ok', op: 'yes', values: [] },
    ])
    expect(readCustomFilter('name:contains:')).toBeNull()
    expect(readCustomFilter('name:like:x')).toBeNull()
    expect(readCustomFilter('kids:range:1,5..')).toBeNull()
    expect(readCustomFilter('risk:any:Bad Value')).toBeNull()
  })
})
