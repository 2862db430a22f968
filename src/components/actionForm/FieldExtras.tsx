// What a field shows under it besides its error, named by the schema's `extra`: the password's
// strength meter, the balance after the amount, the email's preview.
import React from 'react'
import { Box, Label, Text } from '@adminjs/design-system'
import { useTranslation, type RecordJSON } from 'adminjs'
import type { FieldExtra } from '../../shared/actionInputs/fields.js'
import {
  STRENGTH_COLORS,
  passwordStrength,
  previewMergeFields,
  resultingBalance,
} from './actionFormExtras.js'
import { usePanelFormat } from '../common/usePanelFormat.js'
import type { FormValues } from './useActionForm.js'

type Extra = (key: string, options?: Record<string, unknown>) => string

const StrengthMeter: React.FC<{ password: string; extra: Extra }> = ({ password, extra }) => {
  const { score, level } = passwordStrength(password)
  return (
    <Box mt="sm" data-testid="password-strength" data-level={level}>
      <Box flex style={{ gap: 4 }} mb="sm">
        {[1, 2, 3, 4].map((step) => (
          <Box
            key={step}
            style={{
              height: 6,
              flex: 1,
              borderRadius: 3,
              background: step <= score ? STRENGTH_COLORS[level] : STRENGTH_COLORS.empty,
            }}
          />
        ))}
      </Box>
      <Text fontSize="sm">
        {extra('strength', { label: extra(`strengthLevels.${level}`) })} · {extra('strengthHint')}
      </Text>
    </Box>
  )
}

const BalancePreview: React.FC<{ balance: unknown; amount: string; extra: Extra }> = ({
  balance,
  amount,
  extra,
}) => {
  const format = usePanelFormat()
  const money = (value: unknown) => format.money(value) ?? ''
  const after = resultingBalance(balance, amount)
  return (
    <Box mt="sm" data-testid="balance-preview">
      <Text fontSize="sm">{extra('currentBalance', { balance: money(balance ?? '0') })}</Text>
      <Text fontSize="sm" fontWeight="bold" data-testid="balance-after">
        {after === null ? extra('amountUnreadable') : extra('resultingBalance', { balance: money(after) })}
      </Text>
    </Box>
  )
}

const EmailPreview: React.FC<{ subject: string; body: string; extra: Extra }> = ({
  subject,
  body,
  extra,
}) => (
  <Box mt="lg" p="lg" style={{ border: '1px solid #DEE2E6', borderRadius: 4 }} data-testid="email-preview">
    <Label>{extra('preview')}</Label>
    {subject || body ? (
      <>
        <Text fontWeight="bold" mb="default">
          {subject}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{body}</Text>
      </>
    ) : (
      <Text color="grey60">{extra('previewEmpty')}</Text>
    )}
  </Box>
)

/** The extra a field's schema names, fed with the form's values (and the record, for a balance). */
const FieldExtras: React.FC<{
  kind: FieldExtra
  name: string
  values: FormValues
  record?: RecordJSON
  resourceId: string
}> = ({ kind, name, values, record, resourceId }) => {
  const { translateComponent } = useTranslation()
  const extra: Extra = (key, options) => translateComponent(`ActionFormExtras.${key}`, resourceId, options)
  const text = (field: string) => String(values[field] ?? '')
  if (kind === 'strengthMeter') return <StrengthMeter password={text(name)} extra={extra} />
  if (kind === 'balancePreview')
    return record ? (
      <BalancePreview balance={record.params.balance} amount={text(name)} extra={extra} />
    ) : null
  // The client's merge fields as the client will read them (`{{fullName}}`: their name).
  const merged = (value: string) => previewMergeFields(value, record?.params ?? {})
  return (
    <EmailPreview subject={merged(text('subject').trim())} body={merged(text(name).trim())} extra={extra} />
  )
}

export default FieldExtras
