import React, { useState } from 'react'
import { Box, FormGroup, Input, Label } from '@adminjs/design-system'
import { useTranslation, type BasePropertyProps } from 'adminjs'
import {
  fieldLabel,
  isNumberType,
  readCustomFilter,
  type CustomFieldDefinition,
  type CustomFilterItem,
} from '../../shared/customFields.js'
import { resourceId } from '../common/resourceId.js'
import { useCustomFieldColumns } from './useCustomFieldColumns.js'

/** At most this many fields filtered at once (shared/customFields.ts's pattern). */
const MAX_ITEMS = 10
const MAX_TEXT = 200

/** The filter's text: each field's item as `key:op:argument`, joined by `;`. */
export function customFilterText(items: CustomFilterItem[]): string {
  return items
    .slice(0, MAX_ITEMS)
    .map((item) => {
      if (item.op === 'range') return `${item.key}:range:${item.values[0] ?? ''}..${item.values[1] ?? ''}`
      if (item.op === 'any' || item.op === 'all') return `${item.key}:${item.op}:${item.values.join('|')}`
      return `${item.key}:${item.op}:${item.values[0] ?? ''}`
    })
    .join(';')
}

/** A number as the filter takes it: digits, a dot for the decimals (a French comma turned into one). */
const rangeEnd = (text: string) => text.trim().replace(',', '.')
const NUMBER_END = /^-?\d{1,15}(?:\.\d{1,4})?$/

const SELECT: React.CSSProperties = { padding: 8, width: '100%' }

/**
 * The list's filters on custom fields, in the filter drawer: one control per field this admin may
 * see, by type — a range (from, to) for numbers, amounts and dates; the choices ticked, any or all
 * of them (a one-choice field: any); yes, no or either; a text contained (any case). Together
 * they write `filters.customFields` (`key:op:argument;…`), which the list, the export and a saved
 * view read; what the URL holds is shown again when the drawer opens.
 */
const CustomFieldFilters: React.FC<BasePropertyProps> = ({ property, filter, onChange }) => {
  const { translateComponent, i18n } = useTranslation()
  const t = (key: string) => translateComponent(`CustomFields.filter.${key}`, resourceId('Client'))
  const { fields } = useCustomFieldColumns()
  const raw = (filter as Record<string, unknown> | undefined)?.[property.path]
  const items = readCustomFilter(raw) ?? []
  // What is being typed (`1,` on its way to `1,5`; a space before the next word): shown as typed,
  // written into the filter once it reads as a value. Forgotten when the filters are reset.
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  const [seen, setSeen] = useState(raw)
  if (seen !== raw) {
    setSeen(raw)
    if (!raw) setDrafts({})
  }
  const draft = (id: string, value: string) => setDrafts((d) => ({ ...d, [id]: value }))
  if (fields.length === 0) return null

  const itemOf = (key: string) => items.find((i) => i.key === key)
  const change = (key: string, item: CustomFilterItem | null) => {
    const others = items.filter((i) => i.key !== key)
    const next = item ? [...others, item] : others
    onChange?.(property.path, customFilterText(next))
  }
  const language = i18n.language

  const control = (field: CustomFieldDefinition) => {
    const id = `cf-filter-${field.key}`
    const current = itemOf(field.key)
    const label = fieldLabel(field, language)
    if (isNumberType(field.type) || field.type === 'date') {
      const [from = '', to = ''] = current?.op === 'range' ? current.values : []
      const set = (which: 0 | 1, value: string) => {
        draft(`${id}-${which}`, value)
        const ends = [from, to]
        ends[which] = field.type === 'date' ? value : rangeEnd(value)
        if (field.type !== 'date' && ends[which] !== '' && !NUMBER_END.test(ends[which])) return
        change(field.key, ends[0] || ends[1] ? { key: field.key, op: 'range', values: ends } : null)
      }
      const input = (which: 0 | 1) => (
        <Input
          id={`${id}-${which === 0 ? 'from' : 'to'}`}
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'date' ? undefined : 'decimal'}
          value={drafts[`${id}-${which}`] ?? (which === 0 ? from : to)}
          aria-label={`${label} — ${t(which === 0 ? 'from' : 'to')}`}
          placeholder={t(which === 0 ? 'from' : 'to')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(which, e.target.value)}
          style={{ width: '50%' }}
        />
      )
      return (
        <Box flex style={{ gap: 8 }} role="group" aria-label={label}>
          {input(0)}
          {input(1)}
        </Box>
      )
    }
    if (field.type === 'choice' || field.type === 'choices') {
      const picked = current?.op === 'any' || current?.op === 'all' ? current.values : []
      const mode = field.type === 'choices' && current?.op === 'all' ? 'all' : 'any'
      const set = (values: string[], op: 'any' | 'all') =>
        change(field.key, values.length ? { key: field.key, op, values } : null)
      return (
        <Box role="group" aria-label={label}>
          {field.type === 'choices' ? (
            <select
              id={`${id}-mode`}
              aria-label={`${label} — ${t('mode')}`}
              value={mode}
              onChange={(e) => set(picked, e.target.value === 'all' ? 'all' : 'any')}
              style={{ ...SELECT, marginBottom: 4 }}
            >
              <option value="any">{t('any')}</option>
              <option value="all">{t('all')}</option>
            </select>
          ) : null}
          {field.choices.map((choice) => (
            <label
              key={choice.value}
              style={{ display: 'flex', alignItems: 'center', gap: 6, marginBottom: 4 }}
            >
              <input
                type="checkbox"
                data-testid={`${id}-${choice.value}`}
                checked={picked.includes(choice.value)}
                onChange={() =>
                  set(
                    picked.includes(choice.value)
                      ? picked.filter((v) => v !== choice.value)
                      : field.choices
                          .map((c) => c.value)
                          .filter((v) => v === choice.value || picked.includes(v)),
                    mode,
                  )
                }
              />
              {fieldLabel(choice, language)}
            </label>
          ))}
        </Box>
      )
    }
    if (field.type === 'yesNo') {
      const value = current?.op === 'yes' || current?.op === 'no' ? current.op : ''
      return (
        <select
          id={id}
          value={value}
          onChange={(e) =>
            change(
              field.key,
              e.target.value === 'yes' || e.target.value === 'no'
                ? { key: field.key, op: e.target.value, values: [] }
                : null,
            )
          }
          style={SELECT}
        >
          <option value="">{t('either')}</option>
          <option value="yes">{t('yes')}</option>
          <option value="no">{t('no')}</option>
        </select>
      )
    }
    const text = current?.op === 'contains' || current?.op === 'eq' ? (current.values[0] ?? '') : ''
    return (
      <Input
        id={id}
        value={drafts[id] ?? text}
        maxLength={MAX_TEXT}
        placeholder={t('contains')}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
          // A `;` ends an item: it cannot be part of one.
          const value = e.target.value.replace(/;/g, ' ')
          draft(id, value)
          change(field.key, value.trim() ? { key: field.key, op: 'contains', values: [value.trim()] } : null)
        }}
        style={{ width: '100%' }}
      />
    )
  }

  return (
    <Box data-testid="custom-field-filters">
      {fields.map((field) => {
        const labelled = !(
          isNumberType(field.type) ||
          field.type === 'date' ||
          field.type.startsWith('choice')
        )
        return (
          <FormGroup key={field.key} data-testid={`cf-filter-${field.key}`}>
            <Label htmlFor={labelled ? `cf-filter-${field.key}` : undefined}>
              {fieldLabel(field, language)}
            </Label>
            {control(field)}
          </FormGroup>
        )
      })}
    </Box>
  )
}

export default CustomFieldFilters
