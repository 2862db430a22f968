import React, { useState } from 'react'
import {
  Box,
  Button,
  CheckBox,
  FormGroup,
  FormMessage,
  H3,
  H5,
  Icon,
  Input,
  Label,
  Loader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system'
import {
  ApiClient,
  useActionResponseHandler,
  useNotice,
  useTranslation,
  type ResourceActionParams,
} from 'adminjs'

import LoadFailed from '../common/LoadFailed.js'
import { useActionData } from '../common/useActionData.js'

const api = new ApiClient()

type Values = Record<string, string | number | boolean>
interface Change {
  field: string
  from: unknown
  to: unknown
}
interface Page {
  values: Values
  drivers: string[]
  ranges: Record<string, [number, number]>
  hashReport: { format: string; count: number; current: number }[]
  history: { id: number; actor: string | null; ip: string | null; changes: Change[]; createdAt: string }[]
}

const NUMBER_FIELDS: Record<string, string[]> = {
  hashing: ['bcryptCost', 'argon2MemoryCost', 'argon2TimeCost'],
  tokens: ['confirmationHours', 'passwordResetMinutes'],
  throttle: ['maxFailedLogins', 'throttleMinutes'],
}

/** Which cost fields apply to a driver: the others are kept but not shown. */
const appliesTo = (field: string, driver: string) =>
  field === 'bcryptCost' ? driver === 'bcrypt' : field.startsWith('argon2') ? driver !== 'bcrypt' : true

/**
 * The security settings page: registration, password hashing, link lifetimes and login
 * throttling, the hash report (read only: hashes migrate at each client's next login) and who
 * changed what.
 */
const SecuritySettings: React.FC<{ resource: { id: string } }> = ({ resource }) => {
  const { translateMessage, translateComponent, i18n } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`SecuritySettings.${key}`, resource.id, options)
  const handleResponse = useActionResponseHandler()
  const addNotice = useNotice()
  const [values, setValues] = useState<Values>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)

  const params: ResourceActionParams = { resourceId: resource.id, actionName: 'securitySettings' }
  const loaded = useActionData<Page>(
    resource.id,
    () => api.resourceAction(params),
    (answer) => {
      const settings = answer.securitySettings as Page | undefined
      if (settings) setValues(settings.values)
      return settings
    },
  )

  const save = async (event: React.FormEvent) => {
    event.preventDefault()
    setSaving(true)
    try {
      const data = new FormData()
      for (const [key, value] of Object.entries(values)) data.append(key, String(value))
      const response = await api.resourceAction({ ...params, method: 'post', data })
      const fieldErrors = (response.data.record?.errors ?? {}) as Record<string, { message: string }>
      setErrors(
        Object.fromEntries(
          Object.entries(fieldErrors).map(([field, error]) => [
            field,
            translateMessage(error.message, resource.id),
          ]),
        ),
      )
      handleResponse(response)
      if (response.data.securitySettings && loaded.status !== 'loading' && loaded.status !== 'error') {
        loaded.replace(response.data.securitySettings as Page)
        setValues((response.data.securitySettings as Page).values)
      }
    } catch {
      // Nothing was answered (network, server): the notice says so; the form keeps what was typed.
      addNotice({ message: 'serverError', type: 'error', resourceId: resource.id })
    } finally {
      setSaving(false)
    }
  }

  if (loaded.status === 'error') {
    return (
      <Box variant="container">
        <LoadFailed retry={loaded.retry} message={t('loadFailed')} />
      </Box>
    )
  }
  if (loaded.status === 'loading') return <Loader />
  const page = loaded.data

  const driver = String(values.hashingDriver)
  const numberField = (field: string) => {
    const [min, max] = page.ranges[field]
    return (
      <FormGroup key={field} error={Boolean(errors[field])}>
        <Label htmlFor={`setting-${field}`}>{t(`fields.${field}`)}</Label>
        <Input
          id={`setting-${field}`}
          name={field}
          type="number"
          min={min}
          max={max}
          value={String(values[field] ?? '')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            setValues({ ...values, [field]: e.target.value })
          }
        />
        <FormMessage>{errors[field] ?? t('range', { min, max })}</FormMessage>
      </FormGroup>
    )
  }
  const total = page.hashReport.reduce((sum, row) => sum + row.count, 0)
  const shown = (value: unknown) =>
    value === null || value === undefined || value === ''
      ? '—'
      : typeof value === 'boolean'
        ? t(value ? 'on' : 'off')
        : String(value)

  return (
    <Box variant="container" data-testid="security-settings">
      {/* The server checks and answers in the panel's language, next to each field. */}
      <form onSubmit={(event) => void save(event)} noValidate>
        <H3>{t('title')}</H3>
        <H5 mt="lg">{t('sections.registration')}</H5>
        <FormGroup error={Boolean(errors.autoConfirmRegistration)}>
          <CheckBox
            id="setting-autoConfirmRegistration"
            name="autoConfirmRegistration"
            checked={values.autoConfirmRegistration === true}
            onChange={() =>
              setValues({ ...values, autoConfirmRegistration: values.autoConfirmRegistration !== true })
            }
          />
          <Label inline htmlFor="setting-autoConfirmRegistration" ml="default">
            {t('fields.autoConfirmRegistration')}
          </Label>
          <FormMessage>{errors.autoConfirmRegistration ?? t('help.autoConfirmRegistration')}</FormMessage>
        </FormGroup>

        <H5 mt="lg">{t('sections.hashing')}</H5>
        <FormGroup error={Boolean(errors.hashingDriver)}>
          <Label htmlFor="setting-hashingDriver">{t('fields.hashingDriver')}</Label>
          <select
            id="setting-hashingDriver"
            name="hashingDriver"
            value={driver}
            onChange={(e) => setValues({ ...values, hashingDriver: e.target.value })}
          >
            {page.drivers.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
          <FormMessage>{errors.hashingDriver ?? t('help.hashingDriver')}</FormMessage>
        </FormGroup>
        {NUMBER_FIELDS.hashing.filter((f) => appliesTo(f, driver)).map(numberField)}

        <H5 mt="lg">{t('sections.tokens')}</H5>
        {NUMBER_FIELDS.tokens.map(numberField)}
        <H5 mt="lg">{t('sections.throttle')}</H5>
        {NUMBER_FIELDS.throttle.map(numberField)}

        <Button variant="contained" type="submit" disabled={saving} data-testid="security-settings-save">
          <Icon icon={saving ? 'Loader' : 'Save'} spin={saving} />
          {t('save')}
        </Button>
      </form>

      <H5 mt="xxl">{t('sections.hashReport')}</H5>
      <Text mb="default">{t('hashReportIntro', { driver })}</Text>
      <Table mb="xl" data-testid="hash-report">
        <TableHead>
          <TableRow>
            <TableCell>{t('report.format')}</TableCell>
            <TableCell>{t('report.count')}</TableCell>
            <TableCell>{t('report.current')}</TableCell>
            <TableCell>{t('report.atNextLogin')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {page.hashReport.map((row) => (
            <TableRow key={row.format} data-format={row.format}>
              <TableCell>{t(`formats.${row.format}`)}</TableCell>
              <TableCell>{row.count}</TableCell>
              <TableCell>{row.current}</TableCell>
              <TableCell>{row.format === 'none' ? '—' : row.count - row.current}</TableCell>
            </TableRow>
          ))}
          {page.hashReport.length === 0 ? (
            <TableRow>
              <TableCell colSpan={4}>{t('report.empty')}</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
      <Text mb="xl">{t('report.total', { total })}</Text>

      <H5>{t('sections.history')}</H5>
      <Table data-testid="settings-history">
        <TableHead>
          <TableRow>
            <TableCell>{t('history.when')}</TableCell>
            <TableCell>{t('history.who')}</TableCell>
            <TableCell>{t('history.ip')}</TableCell>
            <TableCell>{t('history.changes')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {page.history.map((h) => (
            <TableRow key={h.id}>
              <TableCell>{new Date(h.createdAt).toLocaleString(i18n.language)}</TableCell>
              <TableCell>{h.actor ?? '—'}</TableCell>
              <TableCell>{h.ip ?? '—'}</TableCell>
              <TableCell>
                {h.changes.map((c) => (
                  <div key={c.field}>
                    {t(`fields.${c.field}`)}: {shown(c.from)} → {shown(c.to)}
                  </div>
                ))}
              </TableCell>
            </TableRow>
          ))}
          {page.history.length === 0 ? (
            <TableRow>
              <TableCell colSpan={4}>{t('history.empty')}</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </Box>
  )
}

export default SecuritySettings
