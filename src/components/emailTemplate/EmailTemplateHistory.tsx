import React from 'react'
import { Box, H5, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import type { TemplateDetails } from './templateApi.js'

// A long text is shown cut; the audit trail keeps it whole.
const SHOWN = 160
const shown = (value: unknown) => {
  if (value === null || value === undefined || value === '') return '—'
  const text = String(value)
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text
}

/** Who changed the template, when, and each part before → after. */
const EmailTemplateHistory: React.FC<{ resourceId: string; history: TemplateDetails['history'] }> = ({
  resourceId,
  history,
}) => {
  const { translateComponent, i18n } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`EmailTemplates.${key}`, resourceId, options)
  return (
    <Box mt="xxl">
      <H5>{t('history.title')}</H5>
      <Table data-testid="template-history">
        <TableHead>
          <TableRow>
            <TableCell>{t('history.when')}</TableCell>
            <TableCell>{t('history.who')}</TableCell>
            <TableCell>{t('history.what')}</TableCell>
            <TableCell>{t('history.changes')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {history.map((h) => (
            <TableRow key={h.id}>
              <TableCell>{new Date(h.createdAt).toLocaleString(i18n.language)}</TableCell>
              <TableCell>{h.actor ?? '—'}</TableCell>
              <TableCell>{t(`history.${h.action}`)}</TableCell>
              <TableCell>
                {h.changes.map((c) => (
                  <Text key={c.field} mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    <strong>{t(`form.${c.field}`)}</strong>: {shown(c.from)} → {shown(c.to)}
                  </Text>
                ))}
              </TableCell>
            </TableRow>
          ))}
          {history.length === 0 ? (
            <TableRow>
              <TableCell colSpan={4}>{t('history.empty')}</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </Box>
  )
}

export default EmailTemplateHistory
