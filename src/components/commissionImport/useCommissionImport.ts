import { useEffect, useState } from 'react'
import { ApiClient, useNotice, useTranslation } from 'adminjs'
import { noDecisions, type IdentityDecision, type IdentityDecisions } from '../../shared/identityConflict.js'
import { isActive, type Batch, type DryRun, type Mapping, type Setup, type Upload } from './importSteps.js'

const api = new ApiClient()
const ACTION = 'importCommissions'

/**
 * The state of a commission import and its calls to the `importCommissions` action: the setup,
 * then each step posted with the upload and the mapping; a field error shows on the page.
 */
export function useCommissionImport(resourceId: string) {
  const { translateMessage } = useTranslation()
  const addNotice = useNotice()
  const [setup, setSetup] = useState<Setup | null>(null)
  const [upload, setUpload] = useState<Upload | null>(null)
  const [mapping, setMapping] = useState<Mapping>({})
  const [mappingName, setMappingName] = useState('')
  const [dryRun, setDryRun] = useState<DryRun | null>(null)
  const [batch, setBatch] = useState<Batch | null>(null)
  const [decisions, setDecisions] = useState<IdentityDecisions>(noDecisions())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // A request that fails (the server or the network gone) says so above the form.
  const failed = () => setError(translateMessage('serverError', resourceId))

  useEffect(() => {
    api
      .resourceAction({ resourceId, actionName: ACTION })
      .then((res) => setSetup(res.data.importSetup as Setup))
      .catch(failed)
    // After a reload, the import this page started (its id is in the address) shows again.
    const batchId = Number(new URLSearchParams(window.location.search).get('batchId'))
    if (Number.isInteger(batchId) && batchId > 0) {
      api
        .resourceAction({ resourceId, actionName: ACTION, params: { batchId } })
        .then((res) => setBatch((res.data.importBatch as Batch | null) ?? null))
        .catch(failed)
    }
  }, [resourceId])

  // While an import waits for a worker or runs, its batch is read again from the database every
  // 700 ms (whichever instance answers, whichever runs it).
  useEffect(() => {
    if (!batch || !isActive(batch)) return undefined
    const timer = setTimeout(() => {
      api
        .resourceAction({ resourceId, actionName: ACTION, params: { batchId: batch.id } })
        .then((res) => setBatch(res.data.importBatch as Batch))
        // A failed read is tried again: the batch is still active, so the next state change polls.
        .catch(() => setBatch({ ...batch }))
    }, 700)
    return () => clearTimeout(timer)
  }, [batch, resourceId])

  const post = async (data: FormData) => {
    setBusy(true)
    setError(null)
    try {
      const res = await api.resourceAction({ resourceId, actionName: ACTION, data })
      const errors = (res.data.record?.errors ?? {}) as Record<string, { message: string }>
      const first = Object.values(errors)[0]
      if (first) setError(translateMessage(first.message, resourceId))
      if (res.data.notice && res.data.notice.type !== 'error') addNotice(res.data.notice)
      return first ? null : res.data
    } catch {
      failed()
      return null
    } finally {
      setBusy(false)
    }
  }

  const step = (name: string, extra: Record<string, string> = {}, chosen = decisions) => {
    const data = new FormData()
    data.append('step', name)
    if (upload) data.append('uploadId', upload.uploadId)
    data.append('mapping', JSON.stringify(mapping))
    data.append('decisions', JSON.stringify(chosen))
    for (const [key, value] of Object.entries(extra)) data.append(key, value)
    return data
  }

  const readFile = async (file: File) => {
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
    setDecisions(noDecisions())
  }

  const runDry = async (chosen = decisions) => {
    const result = await post(step('dryRun', {}, chosen))
    if (result) setDryRun(result.importDryRun as DryRun)
  }

  // A choice on a conflict (a line, or all of them with `line` null; `null` forgets them) runs the
  // dry run again with it: the counts shown are the ones the import will end with.
  const decide = (line: number | null, decision: IdentityDecision | null) => {
    const next: IdentityDecisions =
      decision === null
        ? noDecisions()
        : line === null
          ? { lines: {}, all: decision }
          : { ...decisions, lines: { ...decisions.lines, [String(line)]: decision } }
    setDecisions(next)
    return runDry(next)
  }

  const runImport = async () => {
    const result = await post(step('import', { fileName: upload?.fileName ?? '', mappingName }))
    if (!result) return
    const started = result.importBatch as Batch
    setBatch(started)
    const url = new URL(window.location.href)
    url.searchParams.set('batchId', String(started.id))
    window.history.replaceState(window.history.state, '', url.toString())
  }

  const chooseSavedMapping = (name: string) => {
    if (setup && name) setMapping(setup.saved[name])
  }

  // A field mapped anew makes the last dry run stale.
  const mapField = (field: string, column: number | null) => {
    const next = { ...mapping }
    if (column === null) delete next[field]
    else next[field] = column
    setMapping(next)
    setDryRun(null)
    setDecisions(noDecisions())
  }

  return {
    setup,
    upload,
    mapping,
    mappingName,
    dryRun,
    decisions,
    decide,
    batch,
    busy,
    error,
    readFile,
    chooseSavedMapping,
    mapField,
    setMappingName,
    runDry,
    runImport,
  }
}
