import React from 'react'
import { ValueGroup } from '@adminjs/design-system'
import { useTranslation, type BasePropertyProps } from 'adminjs'
import { formatPeriod } from '../../shared/clientPageTabs.js'
import { emailBreakPieces, formatPercent, type ValueFormat } from '../../shared/displayFormat.js'
import { usePanelFormat } from './usePanelFormat.js'

const NO_WRAP: React.CSSProperties = { whiteSpace: 'nowrap' }
// AdminJS's cells break a word anywhere (`word-break: break-word`), which also lets a table squeeze
// a column below its words: an address breaks only where its pieces end.
const WHOLE_WORDS: React.CSSProperties = { wordBreak: 'normal', overflowWrap: 'normal' }

/**
 * A value of a secondary list or page as people read it, by the kind its resource declares
 * (`props.format`, resources/formattedProperty.ts): money in the panel's currency, a rate in
 * percent, a date, a month, a phone, a yes/no; through the formatting the client list uses.
 */
const FormattedValue: React.FC<BasePropertyProps> = ({ record, property, resource, where }) => {
  const { translateComponent, translateProperty } = useTranslation()
  const format = usePanelFormat()
  const params = record?.params ?? {}
  const raw = params[property.path]
  const kind = (property.props as { format?: ValueFormat } | undefined)?.format
  const none = translateComponent('FormattedValue.none', resource.id)
  const empty = raw === null || raw === undefined || raw === ''
  let text: string | null
  switch (kind) {
    case 'money':
      text = format.money(raw)
      break
    case 'percent':
      text = formatPercent(raw, format.language)
      break
    case 'date':
      text = format.date(raw, false)
      break
    case 'dateTime':
      text = format.date(raw)
      break
    case 'month':
      text = formatPeriod(raw)
      break
    case 'phone':
      text = format.phone(raw, params.country)
      break
    case 'email':
      text = empty ? null : String(raw)
      break
    case 'boolean':
      text = empty
        ? null
        : translateComponent(
            raw === true || raw === 'true' ? 'FormattedValue.yes' : 'FormattedValue.no',
            resource.id,
          )
      break
    default:
      text = empty ? null : String(raw)
  }
  const shown =
    kind === 'email' && !empty ? (
      <span style={WHOLE_WORDS} data-testid={`value-${property.path}`}>
        {emailBreakPieces(String(raw)).map((piece, i) => (
          <React.Fragment key={i}>
            {i > 0 && <wbr />}
            {piece}
          </React.Fragment>
        ))}
      </span>
    ) : (
      <span style={where === 'list' ? NO_WRAP : undefined} data-testid={`value-${property.path}`}>
        {text ?? none}
      </span>
    )
  if (where !== 'show') return shown
  return <ValueGroup label={translateProperty(property.label, resource.id)}>{shown}</ValueGroup>
}

export default FormattedValue
