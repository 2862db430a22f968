import React, { useEffect, useMemo, useState } from 'react'
import {
  Badge,
  Box,
  Button,
  H3,
  Loader,
  MessageBox,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import EmailTemplateEditor from './EmailTemplateEditor.js'
import { templateApi, type TemplateRef, type TemplateSummary } from './templateApi.js'

/**
 * The email templates page (the resource's list view): every template in French and English,
 * the shipped ones included, with who last edited it; "Edit" opens its editor on the same page.
 */
const EmailTemplates: React.FC<{ resource: { id: string } }> = ({ resource }) => {
  const { translateComponent, i18n } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`EmailTemplates.${key}`, resource.id, options)
  const api = useMemo(() => templateApi(resource.id), [resource.id])
  const [rows, setRows] = useState<TemplateSummary[] | null>(null)
  const [failed, setFailed] = useState(false)
  const [editing, setEditing] = useState<TemplateRef | null>(null)
  const [reload, setReload] = useState(0)

  useEffect(() => {
    if (editing) return
    let live = true
    api
      .overview()
      .then((list) => live && setRows(list))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [api, editing, reload])

  if (editing) {
    return (
      <EmailTemplateEditor
        resourceId={resource.id}
        template={editing}
        onClose={() => {
          setEditing(null)
          setReload(reload + 1)
        }}
      />
    )
  }
  if (failed) return <MessageBox variant="danger" message={t('loadFailed')} />
  if (!rows) return <Loader />

  return (
    <Box variant="container" data-testid="email-templates">
      <H3>{t('title')}</H3>
      <Text mb="xl">{t('intro')}</Text>
      <Table>
        <TableHead>
          <TableRow>
            <TableCell>{t('columns.template')}</TableCell>
            <TableCell>{t('columns.language')}</TableCell>
            <TableCell>{t('columns.subject')}</TableCell>
            <TableCell>{t('columns.state')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={`${row.key}:${row.language}`} data-template={`${row.key}:${row.language}`}>
              <TableCell>
                {t(`names.${row.key}`)}
                {row.kind === 'message' ? ' ' : null}
                {row.kind === 'message' ? (
                  <Text as="span" fontSize="sm" color="grey60" ml="default">
                    {t('messageKind')}
                  </Text>
                ) : null}
              </TableCell>
              <TableCell>{t(`languages.${row.language}`)}</TableCell>
              <TableCell>{row.subject}</TableCell>
              <TableCell>
                {row.edited ? (
                  <Badge variant="info">
                    {t('edited', {
                      by: row.updatedBy ?? '—',
                      at: row.updatedAt ? new Date(row.updatedAt).toLocaleString(i18n.language) : '—',
                    })}
                  </Badge>
                ) : (
                  <Badge>{t('shipped')}</Badge>
                )}
              </TableCell>
              <TableCell>
                <Button
                  size="sm"
                  data-testid={`edit-template-${row.key}-${row.language}`}
                  onClick={() => setEditing({ key: row.key, language: row.language })}
                >
                  {t('edit')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  )
}

export default EmailTemplates
