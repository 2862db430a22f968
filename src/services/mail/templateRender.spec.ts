import {
  checkTemplate,
  compileTemplate,
  fillTemplate,
  templateFields,
  TemplateRefused,
} from './templateRender.js'
import { shippedTemplates } from './templateSet.js'
import { defaultTemplate, EMAIL_TEMPLATE_KEYS, TEMPLATE_SPECS } from './templateCatalog.js'

const FIELDS = ['firstName', 'lastName', 'link']
const problemOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    if (error instanceof TemplateRefused) return [error.problem, error.detail]
    throw error
  }
  return null
}

describe('the template renderer', () => {
  test('fills plain fields; values go into the text as they are and are escaped in HTML', () => {
    const values = {
      firstName: '<script>alert(1)</script>',
      lastName: 'O’Brien & Co',
      link: 'https://x.test/?a=1&b=2',
    }
    expect(fillTemplate('Hi {{firstName}} {{ lastName }}: {{link}}', FIELDS, values, false)).toBe(
      'Hi <script>alert(1)</script> O’Brien & Co: https://x.test/?a=1&b=2',
    )
    expect(fillTemplate('<p>Hi {{firstName}}</p><a href="{{link}}">go</a>', FIELDS, values, true)).toBe(
      '<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p><a href="https://x.test/?a=1&amp;b=2">go</a>',
    )
  })

  test('a value is never read as a template, and a missing value is empty', () => {
    expect(fillTemplate('[{{firstName}}][{{lastName}}]', FIELDS, { firstName: '{{link}}' }, false)).toBe(
      '[{{link}}][]',
    )
  })

  test('unknown or misspelt fields are refused, and so is anything but a plain field', () => {
    expect(problemOf(() => checkTemplate('Hi {{fistName}}', FIELDS))).toEqual([
      'templateUnknownField',
      'fistName',
    ])
    expect(problemOf(() => checkTemplate('{{constructor}}', FIELDS))).toEqual([
      'templateUnknownField',
      'constructor',
    ])
    expect(problemOf(() => checkTemplate('{{firstName.length}}', FIELDS))?.[0]).toBe('templateUnknownField')
    for (const source of [
      '{{#firstName}}x{{/firstName}}',
      '{{^firstName}}x{{/firstName}}',
      '{{> partial}}',
      '{{{firstName}}}',
      '{{&firstName}}',
      '{{=<% %>=}}<% firstName %>',
    ]) {
      expect([source, problemOf(() => checkTemplate(source, FIELDS))?.[0]]).toEqual([
        source,
        'templateTagRefused',
      ])
    }
    expect(problemOf(() => checkTemplate('Hi {{firstName', FIELDS))?.[0]).toBe('templateSyntax')
    expect(problemOf(() => fillTemplate('{{#link}}{{/link}}', FIELDS, {}, false))?.[0]).toBe(
      'templateTagRefused',
    )
    // Comments are allowed and render to nothing.
    expect(fillTemplate('a{{! note }}b', FIELDS, {}, false)).toBe('ab')
  })

  test('required fields: a confirmation or reset without its link is refused', () => {
    expect(problemOf(() => checkTemplate('No link here', FIELDS, ['link']))).toEqual([
      'templateLinkRequired',
      'link',
    ])
    expect(problemOf(() => checkTemplate('{{body}}?', ['body'], ['body']))).toBeNull()
    expect(templateFields('{{a}} {{b}} {{a}}')).toEqual(['a', 'b', 'a'])
  })

  test('every shipped template checks out against its own fields, in both languages', () => {
    for (const key of EMAIL_TEMPLATE_KEYS) {
      for (const language of ['fr', 'en'] as const) {
        const { subject, text } = defaultTemplate(key, language)
        const spec = TEMPLATE_SPECS[key]
        expect([key, language, problemOf(() => checkTemplate(subject, spec.fields))]).toEqual([
          key,
          language,
          null,
        ])
        expect([key, language, problemOf(() => checkTemplate(text, spec.fields, spec.required))]).toEqual([
          key,
          language,
          null,
        ])
      }
    }
  })

  test('the shipped texts render as before: greeting, body, signature; a token masked in the log', () => {
    const to = { firstName: 'Jean', lastName: 'Dupont', locale: 'fr', clientNumber: 'C1' }
    const mail = shippedTemplates().passwordReset('fr', to, 'https://x.test/r?token=SECRET', 'SECRET', 60)
    expect(mail.subject).toBe('Réinitialisez votre mot de passe')
    expect(mail.text.startsWith('Bonjour Jean Dupont,\n\n')).toBe(true)
    expect(mail.text).toContain('https://x.test/r?token=SECRET')
    expect(mail.logText).not.toContain('SECRET')
    expect(mail.htmlBody).toBeNull()
    expect(mail.html).toContain('<a href="https://x.test/r?token=SECRET">')
    const custom = shippedTemplates().custom('en', to, 'Hi\nthere', 'Typed {{name}} <b>')
    expect(custom.subject).toBe('Hi there')
    expect(custom.text).toContain('Typed {{name}} <b>')
    expect(custom.html).toContain('Typed {{name}} &lt;b&gt;')
  })

  test('a dotted merge field (a custom field, `custom.risk`) is filled and escaped like any; nothing else is reached', () => {
    const allowed = ['fullName', 'custom.risk']
    const values = { fullName: 'Jean', 'custom.risk': '<b>Dynamique</b> & co' }
    expect(fillTemplate('{{fullName}}: {{custom.risk}}', allowed, values, true)).toBe(
      'Jean: &lt;b&gt;Dynamique&lt;/b&gt; &amp; co',
    )
    expect(fillTemplate('{{custom.risk}}', allowed, values, false)).toBe('<b>Dynamique</b> & co')
    expect(() => checkTemplate('{{custom.constructor}}', allowed)).toThrow(TemplateRefused)
    expect(() => checkTemplate('{{custom}}', allowed)).toThrow(TemplateRefused)
  })

  test('a compiled template is checked once and fills each value set as `fillTemplate` does, nothing carried over', () => {
    const source = 'Hi {{firstName}} {{ lastName }}{{! note }}: {{custom.risk}}'
    const allowed = [...FIELDS, 'custom.risk']
    expect(problemOf(() => compileTemplate('Hi {{fistName}}', FIELDS, false))).toEqual([
      'templateUnknownField',
      'fistName',
    ])
    const fill = compileTemplate(source, allowed, true)
    const first = { firstName: 'A&B', lastName: '<i>', 'custom.risk': 'high' }
    const second = { firstName: '{{link}}' }
    expect(fill(first)).toBe(fillTemplate(source, allowed, first, true))
    expect(fill(second)).toBe('Hi {{link}} : ')
    expect(fill(first)).toBe('Hi A&amp;B &lt;i&gt;: high')
  })
})
