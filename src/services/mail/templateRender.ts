import Mustache from 'mustache'

/**
 * Email templates are Mustache, logic-less and read strictly: only plain `{{field}}` tags (and
 * `{{! comments }}`) of the template's own fields. Sections, partials, unescaped tags and changes
 * of delimiters are refused, so a template reaches nothing but the values it is given; Mustache
 * interprets the tokens (no `eval`, no generated code).
 */
export type TemplateProblem =
  | 'templateSyntax'
  | 'templateTagRefused'
  | 'templateUnknownField'
  | 'templateLinkRequired'
  | 'templateBodyRequired'

export class TemplateRefused extends Error {
  constructor(
    readonly problem: TemplateProblem,
    /** The tag or field concerned, when there is one. */
    readonly detail: string | null = null,
  ) {
    super(`template refused: ${problem}${detail ? ` (${detail})` : ''}`)
    this.name = 'TemplateRefused'
  }
}

type Token = [string, string, number, number, ...unknown[]]

const ALLOWED_TOKENS = new Set(['text', 'name', '!'])

/** The fields a template uses, in order; `TemplateRefused` when it is not one we render. */
export function templateFields(source: string): string[] {
  let tokens: Token[]
  try {
    // A writer of our own: nothing cached across templates an admin types.
    tokens = new Mustache.Writer().parse(source) as Token[]
  } catch (error) {
    throw new TemplateRefused('templateSyntax', error instanceof Error ? error.message.slice(0, 200) : null)
  }
  const names: string[] = []
  for (const [type, value] of tokens) {
    if (!ALLOWED_TOKENS.has(type)) throw new TemplateRefused('templateTagRefused', `${type}${value}`)
    if (type === 'name') names.push(value)
  }
  return names
}

/** Checks a template against its fields: every field known, each required one present. */
export function checkTemplate(
  source: string,
  allowed: readonly string[],
  required: readonly string[] = [],
): void {
  const names = templateFields(source)
  const unknown = names.find((name) => !allowed.includes(name))
  if (unknown !== undefined) throw new TemplateRefused('templateUnknownField', unknown)
  for (const field of required) {
    if (!names.includes(field)) {
      throw new TemplateRefused(field === 'link' ? 'templateLinkRequired' : 'templateBodyRequired', field)
    }
  }
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text and quoted attribute values made safe in HTML. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch])

/**
 * Fills a template checked with `checkTemplate`: `html` escapes every value (an HTML body),
 * otherwise values go in as they are (a subject or a text body). A field without a value is empty.
 */
export function fillTemplate(
  source: string,
  allowed: readonly string[],
  values: Record<string, string | null | undefined>,
  html: boolean,
): string {
  return compileTemplate(source, allowed, html)(values)
}

/**
 * A template checked and parsed once, filled many times (a campaign's message for each of its
 * recipients): `fillTemplate`'s output, without parsing the source again on every fill.
 */
export function compileTemplate(
  source: string,
  allowed: readonly string[],
  html: boolean,
): (values: Record<string, string | null | undefined>) => string {
  checkTemplate(source, allowed)
  // A writer of its own: its cache holds this one template.
  const writer = new Mustache.Writer()
  writer.parse(source)
  const split = allowed.map((field) => {
    const [head, ...rest] = field.split('.')
    return [field, head, rest.join('.')] as const
  })
  const escape = html ? escapeHtml : (value: unknown) => String(value)
  // Only the template's own fields, on objects without a prototype (`{{constructor}}` finds nothing);
  // a dotted field (`custom.risk`) is Mustache's name inside a name.
  return (values) => {
    const view: Record<string, unknown> = Object.create(null)
    for (const [field, head, rest] of split) {
      if (rest === '') view[head] = values[field] ?? ''
      else ((view[head] ??= Object.create(null)) as Record<string, string>)[rest] = values[field] ?? ''
    }
    return writer.render(source, view, undefined, { escape })
  }
}
