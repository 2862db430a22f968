import React, { useState } from 'react'
import {
  Box,
  Button,
  CheckBox,
  DrawerContent,
  FormGroup,
  H3,
  FormMessage,
  Icon,
  Input,
  Label,
  MessageBox,
  Text,
  TextArea,
} from '@adminjs/design-system'
import {
  ApiClient,
  useActionResponseHandler,
  useTranslation,
  type ActionProps,
  type RecordJSON,
} from 'adminjs'
import { CLIENT_ACTION_FORMS } from './clientActionForms.js'
import { STRENGTH_COLORS, passwordStrength, resultingBalance } from './actionFormExtras.js'
import { usePanelFormat } from '../common/usePanelFormat.js'
import { clientTitleParts } from '../common/clientTitles.js'
import ContractChoice from './ContractChoice.js'
import TemplateChoice from './TemplateChoice.js'
import { resourceId } from '../common/resourceId.js'
import BulkDrawerFrame from '../common/BulkDrawerFrame.js'

const api = new ApiClient()

/** Forms whose `contracts` checkbox becomes the list of the client's active contracts. */
const CONTRACT_CHOICE_FORMS = ['suspend', 'ban']

const describe = (record: RecordJSON) =>
  [record.params.clientNumber, record.params.lastName, record.params.firstName].filter(Boolean).join(' · ')

/**
 * The form of every client action (suspend, ban, send an email…) and the confirmation of those
 * without fields. It posts to the action through AdminJS's API client, shows the notice the
 * action answers with, and puts field errors next to their field.
 */
const ClientActionForm: React.FC<ActionProps> = ({ action, resource, record, records }) => {
  const { translateMessage, translateProperty, translateLabel, translateComponent, translateAction, i18n } =
    useTranslation()
  const format = usePanelFormat()
  const form = CLIENT_ACTION_FORMS[action.name] ?? { id: action.name, fields: [] }
  const handleResponse = useActionResponseHandler()
  const [values, setValues] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries(form.fields.map((f) => [f.name, f.type === 'checkbox' ? false : ''])),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  // Suspend and ban of one client: the contracts ticked in the list replace the "all" checkbox.
  const choosesContracts = Boolean(record && !records && CONTRACT_CHOICE_FORMS.includes(form.id))
  const [contractIds, setContractIds] = useState<number[] | null>(null)
  const [sending, setSending] = useState(false)
  // "Log in as this client": the link the action answered with, opened in a new tab (and shown,
  // should the browser block the tab).
  const [openedUrl, setOpenedUrl] = useState<string | null>(null)
  // One client's form may have texts of its own for that client's state (clientActionForms.ts).
  const variant = record && !records ? (form.textsFor?.(record.params) ?? null) : null
  const t = (key: string, options?: Record<string, unknown>) => {
    const own = variant && `forms.${form.id}.${variant}.${key}`
    return own && i18n.exists(`messages.${own}`)
      ? translateMessage(own, resource.id, options)
      : translateMessage(`forms.${form.id}.${key}`, resource.id, options)
  }
  const selection = records ?? (record ? [record] : [])

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (sending) return
    setSending(true)
    setErrors({})
    const data = new FormData()
    for (const [name, value] of Object.entries(values)) {
      if (!(choosesContracts && name === 'contracts')) data.append(name, String(value))
    }
    if (choosesContracts && contractIds) data.append('contractIds', contractIds.join(','))
    try {
      const response = records
        ? await api.bulkAction({
            resourceId: resource.id,
            actionName: action.name,
            recordIds: records.map((r) => r.id),
            data,
          })
        : await api.recordAction({
            resourceId: resource.id,
            actionName: action.name,
            recordId: record?.id as string,
            data,
          })
      const fieldErrors = response.data.record?.errors ?? {}
      setErrors(
        Object.fromEntries(
          Object.entries(fieldErrors).map(([name, error]) => [
            name,
            translateMessage((error as { message: string }).message, resource.id),
          ]),
        ),
      )
      const url = (response.data as { impersonationUrl?: unknown }).impersonationUrl
      if (typeof url === 'string' && /^https?:\/\//.test(url)) {
        setOpenedUrl(url)
        window.open(url, '_blank', 'noopener,noreferrer')
      }
      handleResponse(response)
    } finally {
      setSending(false)
    }
  }

  const set = (name: string, value: string | boolean) =>
    setValues((current) => ({ ...current, [name]: value }))

  const extra = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`ActionFormExtras.${key}`, resource.id, options)
  const money = (value: unknown) => format.money(value) ?? ''

  /** What a field shows under it besides its error: strength meter, resulting balance, email preview. */
  const below = (name: string): React.ReactNode => {
    if (form.id === 'changePassword' && name === 'password') {
      const { score, level } = passwordStrength(String(values.password ?? ''))
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
    if (form.id === 'adjustBalance' && name === 'amount' && record) {
      const after = resultingBalance(record.params.balance, String(values.amount ?? ''))
      return (
        <Box mt="sm" data-testid="balance-preview">
          <Text fontSize="sm">
            {extra('currentBalance', { balance: money(record.params.balance ?? '0') })}
          </Text>
          <Text fontSize="sm" fontWeight="bold" data-testid="balance-after">
            {after === null
              ? extra('amountUnreadable')
              : extra('resultingBalance', { balance: money(after) })}
          </Text>
        </Box>
      )
    }
    if (form.id === 'sendEmail' && name === 'body') {
      const subject = String(values.subject ?? '').trim()
      const body = String(values.body ?? '').trim()
      return (
        <Box
          mt="lg"
          p="lg"
          style={{ border: '1px solid #DEE2E6', borderRadius: 4 }}
          data-testid="email-preview"
        >
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
    }
    return null
  }

  const body = (
    <Box as="form" onSubmit={submit} data-testid={`client-action-${action.name}`} noValidate>
      <DrawerContent>
        {/* AdminJS puts no header in a drawer: the title says what is done to whom. */}
        <H3 mb="xl" data-testid="action-title">
          {record && !records && resource.id === resourceId('Client')
            ? translateComponent('ClientTitles.action', resourceId('Client'), {
                ...clientTitleParts(record.params),
                action: translateAction(action.label, resource.id),
              })
            : translateAction(action.label, resource.id)}
        </H3>
        <MessageBox
          mb="xl"
          variant={action.variant === 'danger' ? 'warning' : 'info'}
          // One record chosen in the list reads as one ("le client"), never "les 1 clients".
          message={records && records.length > 1 ? t('bulkIntro', { count: records.length }) : t('intro')}
        />
        {records && (
          <Box mb="xl" as="ul" data-testid="selection">
            {selection.map((r) => (
              <Text as="li" key={r.id}>
                {describe(r)}
              </Text>
            ))}
          </Box>
        )}
        {record &&
          (form.show ?? []).map((name) => (
            <FormGroup key={name}>
              <Label>{translateProperty(name, resource.id)}</Label>
              <Text data-testid={`show-${name}`}>{String(record.params[name] ?? '—')}</Text>
            </FormGroup>
          ))}
        {form.id === 'sendEmail' && (
          <TemplateChoice
            value={String(values.template ?? '')}
            onPick={(picked) =>
              setValues((current) => ({
                ...current,
                template: picked?.template ?? '',
                subject: picked?.subject ?? '',
                body: picked?.body ?? '',
              }))
            }
          />
        )}
        {form.fields.map((field) => {
          const id = `client-action-${field.name}`
          const error = errors[field.name]
          if (choosesContracts && field.name === 'contracts') {
            return (
              <React.Fragment key={field.name}>
                <ContractChoice
                  recordId={String(record?.id)}
                  help={t('contractsHelp')}
                  onChange={setContractIds}
                />
                {errors.contractIds && <FormMessage>{errors.contractIds}</FormMessage>}
              </React.Fragment>
            )
          }
          if (field.type === 'checkbox') {
            return (
              <FormGroup key={field.name} error={Boolean(error)}>
                <CheckBox
                  id={id}
                  name={field.name}
                  checked={Boolean(values[field.name])}
                  onChange={() => set(field.name, !values[field.name])}
                />
                <Label inline htmlFor={id} ml="default">
                  {t(field.name)}
                </Label>
                <FormMessage>{error}</FormMessage>
              </FormGroup>
            )
          }
          const common = {
            id,
            name: field.name,
            value: String(values[field.name] ?? ''),
            maxLength: field.maxLength,
            width: 1,
            onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
              set(field.name, e.target.value),
          }
          return (
            <FormGroup key={field.name} error={Boolean(error)}>
              <Label htmlFor={id} required={field.required}>
                {t(field.name)}
              </Label>
              {field.type === 'select' ? (
                <select
                  id={id}
                  name={field.name}
                  value={String(values[field.name] ?? '')}
                  onChange={(e) => set(field.name, e.target.value)}
                >
                  <option value="">—</option>
                  {(field.options ?? []).map((option) => (
                    <option key={option} value={option}>
                      {translateLabel(`${field.name}.${option}`, resource.id)}
                    </option>
                  ))}
                </select>
              ) : field.type === 'textarea' ? (
                <TextArea {...common} rows={field.name === 'body' ? 10 : 4} />
              ) : (
                <Input
                  {...common}
                  type={field.type === 'password' ? 'password' : 'text'}
                  inputMode={field.type === 'amount' ? 'decimal' : undefined}
                  autoComplete={field.type === 'password' ? 'new-password' : 'off'}
                />
              )}
              <FormMessage>{error}</FormMessage>
              {below(field.name)}
            </FormGroup>
          )
        })}
        {openedUrl && (
          <MessageBox mb="xl" variant="success" data-testid="impersonation-link">
            <a href={openedUrl} target="_blank" rel="noopener noreferrer">
              {extra('impersonationOpen')}
            </a>
          </MessageBox>
        )}
        <Box mt="xl">
          <Button
            type="submit"
            variant={action.variant === 'danger' ? 'danger' : 'contained'}
            disabled={sending || (choosesContracts && contractIds === null)}
            data-testid="client-action-submit"
          >
            <Icon icon={sending ? 'Loader' : (action.icon ?? 'Check')} spin={sending} />
            {t('submit')}
          </Button>
        </Box>
      </DrawerContent>
    </Box>
  )
  // A record's drawer gets its frame from the route (RecordActionRoute); a bulk one gets it here.
  return records ? (
    <BulkDrawerFrame title={translateAction(action.label, resource.id)} resourceId={resource.id}>
      {body}
    </BulkDrawerFrame>
  ) : (
    body
  )
}

export default ClientActionForm
