import React, { useEffect, useState } from 'react'
import {
  Box,
  Button,
  FormGroup,
  FormMessage,
  H3,
  Input,
  Label,
  Link,
  MessageBox,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system'
import { ApiClient, ViewHelpers, useNotice, useTranslation, type ActionProps } from 'adminjs'

type Mapping = Record<string, number>

interface Setup {
  fields: string[]
  required: string[]
  saved: Record<string, Mapping>
}

interface Upload {
  uploadId: string
  fileName: string
  layout: { encoding: string; delimiter: string; headers: string[] }
  proposed: Mapping
  preview: string[][]
}

interface Outcome {
  line: number
  errors: string[]
  client?: { match: string; label: string; score?: number }
  contract?: { match: string; reference: string | null }
}

interface DryRun {
  counts: Record<string, number>
  errors: { line: number; errors: string[] }[]
  sample: Outcome[]
}

interface Batch {
  id: number
  status: string
  rowsRead: number
  rowsImported: number
  rowsFailed: number
  clientsCreated: number
  clientsMatched: number
  contractsCreated: number
  failure: string | null
}

const api = new ApiClient()
const h = new ViewHelpers()
const ACTION = 'importCommissions'

/** The steps of a commission import: file, mapping, dry run, import with progress, result. */
const CommissionImport: React.FC<ActionProps> = ({ resource }) => {
  const { translateComponent, translateMessage, translateProperty } = useTranslation()
  const t = (key: string, options?: Record<string, unknown>) =>
    translateComponent(`CommissionImport.${key}`, resource.id, options)
  const addNotice = useNotice()
  const [setup, setSetup] = useState<Setup | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const [upload, setUpload] = useState<Upload | null>(null)
  const [mapping, setMapping] = useState<Mapping>({})
  const [mappingName, setMappingName] = useState('')
  const [dryRun, setDryRun] = useState<DryRun | null>(null)
  const [batch, setBatch] = useState<Batch | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    api
      .resourceAction({ resourceId: resource.id, actionName: ACTION })
      .then((res) => setSetup(res.data.importSetup as Setup))
  }, [resource.id])

  // While an import runs, its batch is read again every 700 ms.
  useEffect(() => {
    if (!batch || batch.status !== 'running') return undefined
    const timer = setTimeout(async () => {
      const res = await api.resourceAction({
        resourceId: resource.id,
        actionName: ACTION,
        params: { batchId: batch.id },
      })
      setBatch(res.data.importBatch as Batch)
    }, 700)
    return () => clearTimeout(timer)
  }, [batch, resource.id])

  const post = async (data: FormData) => {
    setBusy(true)
    setError(null)
    try {
      const res = await api.resourceAction({ resourceId: resource.id, actionName: ACTION, data })
      const errors = (res.data.record?.errors ?? {}) as Record<string, { message: string }>
      const first = Object.values(errors)[0]
      if (first) setError(translateMessage(first.message, resource.id))
      if (res.data.notice && res.data.notice.type !== 'error') addNotice(res.data.notice)
      return first ? null : res.data
    } finally {
      setBusy(false)
    }
  }

  const step = (name: string, extra: Record<string, string> = {}) => {
    const data = new FormData()
    data.append('step', name)
    if (upload) data.append('uploadId', upload.uploadId)
    data.append('mapping', JSON.stringify(mapping))
    for (const [key, value] of Object.entries(extra)) data.append(key, value)
    return data
  }

  const readFile = async () => {
    if (!file) return
    const data = new FormData()
    data.append('step', 'upload')
    data.append('file', file)
    const result = await post(data)
    if (!result) return
    const uploaded = result.importUpload as Upload
    setUpload(uploaded)
    setMapping(uploaded.proposed)
    setDryRun(null)
    setBatch(null)
  }

  const runDry = async () => {
    const result = await post(step('dryRun'))
    if (result) setDryRun(result.importDryRun as DryRun)
  }

  const runImport = async () => {
    const result = await post(step('import', { fileName: upload?.fileName ?? '', mappingName }))
    if (result) setBatch(result.importBatch as Batch)
  }

  const downloadErrors = () => {
    if (!dryRun) return
    const quote = (text: string) => `"${text.replace(/"/g, '""')}"`
    const lines = [
      [t('line'), t('errors')].map(quote).join(';'),
      ...dryRun.errors.map((e) =>
        [String(e.line), e.errors.map((m) => translateMessage(m, resource.id)).join(', ')]
          .map(quote)
          .join(';'),
      ),
    ]
    // A BOM so that spreadsheets read the accents right.
    const blob = new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' })
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = `${upload?.fileName.replace(/\.csv$/i, '') ?? 'import'}-errors.csv`
    link.click()
    URL.revokeObjectURL(link.href)
  }

  if (!setup) return <Text>{t('loading')}</Text>
  const total = dryRun?.counts.rows ?? 0

  return (
    <Box variant="container" data-testid="commission-import">
      <H3>{t('title')}</H3>
      <Text mb="lg">{t('help')}</Text>
      {error && <MessageBox mb="lg" variant="danger" message={error} data-testid="import-error" />}

      <FormGroup>
        <Label htmlFor="import-file">{t('file')}</Label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </FormGroup>
      <Button onClick={readFile} disabled={!file || busy} data-testid="import-read">
        {t('read')}
      </Button>

      {upload && (
        <Box mt="xxl" data-testid="import-mapping">
          <Text mb="default">
            {t('detected', {
              encoding: upload.layout.encoding,
              delimiter: upload.layout.delimiter,
              columns: upload.layout.headers.length,
            })}
          </Text>
          {Object.keys(setup.saved).length > 0 && (
            <FormGroup>
              <Label htmlFor="import-saved">{t('savedMappings')}</Label>
              <select
                id="import-saved"
                defaultValue=""
                onChange={(e) => e.target.value && setMapping(setup.saved[e.target.value])}
              >
                <option value="">—</option>
                {Object.keys(setup.saved).map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </FormGroup>
          )}
          <Table mb="lg">
            <TableHead>
              <TableRow>
                <TableCell>{t('field')}</TableCell>
                <TableCell>{t('column')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {setup.fields.map((field) => (
                <TableRow key={field}>
                  <TableCell>
                    {t(`fields.${field}`)}
                    {setup.required.includes(field) ? ' *' : ''}
                  </TableCell>
                  <TableCell>
                    <select
                      aria-label={t(`fields.${field}`)}
                      data-field={field}
                      value={mapping[field] ?? ''}
                      onChange={(e) => {
                        const next = { ...mapping }
                        if (e.target.value === '') delete next[field]
                        else next[field] = Number(e.target.value)
                        setMapping(next)
                        setDryRun(null)
                      }}
                    >
                      <option value="">{t('notInFile')}</option>
                      {upload.layout.headers.map((header, i) => (
                        <option key={`${header}-${i}`} value={i}>
                          {header || `#${i + 1}`}
                        </option>
                      ))}
                    </select>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Button onClick={runDry} disabled={busy} data-testid="import-dry-run">
            {t('dryRun')}
          </Button>
        </Box>
      )}

      {dryRun && !batch && (
        <Box mt="xxl" data-testid="import-dry-run-result">
          <H3>{t('dryRunTitle')}</H3>
          <Table mb="lg">
            <TableBody>
              {Object.entries(dryRun.counts).map(([name, value]) => (
                <TableRow key={name}>
                  <TableCell>{t(`counts.${name}`)}</TableCell>
                  <TableCell data-count={name}>{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {dryRun.errors.length > 0 && (
            <Box mb="lg">
              <Button variant="text" onClick={downloadErrors} data-testid="import-errors-csv">
                {t('downloadErrors')}
              </Button>
              <Table>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('line')}</TableCell>
                    <TableCell>{t('errors')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {dryRun.errors.slice(0, 100).map((e) => (
                    <TableRow key={e.line}>
                      <TableCell>{e.line}</TableCell>
                      <TableCell>
                        {e.errors.map((m) => translateMessage(m, resource.id)).join(', ')}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
          <Table mb="lg">
            <TableHead>
              <TableRow>
                <TableCell>{t('line')}</TableCell>
                <TableCell>{translateProperty('clientId', resource.id)}</TableCell>
                <TableCell>{translateProperty('contractId', resource.id)}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {dryRun.sample
                .filter((o) => o.errors.length === 0)
                .map((o) => (
                  <TableRow key={o.line}>
                    <TableCell>{o.line}</TableCell>
                    <TableCell>
                      {t(`match.${o.client?.match}`, { score: o.client?.score ?? '' })} — {o.client?.label}
                    </TableCell>
                    <TableCell>
                      {t(`contract.${o.contract?.match}`)} {o.contract?.reference ?? ''}
                    </TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
          <FormGroup>
            <Label htmlFor="import-mapping-name">{t('saveMappingAs')}</Label>
            <Input
              id="import-mapping-name"
              value={mappingName}
              maxLength={60}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setMappingName(e.target.value)}
            />
            <FormMessage />
          </FormGroup>
          <Button
            variant="contained"
            onClick={runImport}
            disabled={busy || dryRun.counts.imported === 0}
            data-testid="import-run"
          >
            {t('import', { count: dryRun.counts.imported })}
          </Button>
        </Box>
      )}

      {batch && (
        <Box mt="xxl" data-testid="import-progress" data-status={batch.status}>
          <H3>{t(`status.${batch.status}`)}</H3>
          <Box
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={batch.rowsRead}
            bg="grey20"
            height={12}
            mb="lg"
          >
            <Box
              bg="primary100"
              height={12}
              width={`${total ? Math.min(100, (100 * batch.rowsRead) / total) : 100}%`}
            />
          </Box>
          <Text>
            {t('progress', {
              read: batch.rowsRead,
              total,
              imported: batch.rowsImported,
              failed: batch.rowsFailed,
            })}
          </Text>
          {batch.failure && <MessageBox mt="lg" variant="danger" message={batch.failure} />}
          {batch.status !== 'running' && (
            <Box mt="lg">
              <Text>
                {t('result', {
                  created: batch.clientsCreated,
                  matched: batch.clientsMatched,
                  contracts: batch.contractsCreated,
                })}
              </Text>
              <Link
                href={h.recordActionUrl({
                  resourceId: 'ImportBatch',
                  recordId: String(batch.id),
                  actionName: 'show',
                })}
                mr="lg"
                data-testid="import-batch-link"
              >
                {t('openBatch')}
              </Link>
              <Link
                href={h.resourceUrl({ resourceId: 'Client', search: `?filters.importBatchId=${batch.id}` })}
              >
                {t('createdClients')}
              </Link>
            </Box>
          )}
        </Box>
      )}
    </Box>
  )
}

export default CommissionImport
