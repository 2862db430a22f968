import React, { useEffect, useState } from 'react'
import {
  Box,
  Button,
  Icon,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system'
import { ApiClient, useNotice, useTranslation } from 'adminjs'
import type { ClientFileView } from '../../services/files/clientFiles.js'
import { formatDate } from '../../shared/clientPageTabs.js'
import { resourceId } from '../common/resourceId.js'
import { stackedRows } from '../common/narrowScreen.js'
import { downloadUrl, postDownload } from '../export/postDownload.js'
import FileUploader from './FileUploader.js'
import { useClientShowText } from './useClientShowText.js'

const api = new ApiClient()

interface FilesAnswer {
  files: ClientFileView[]
  rights: { upload: boolean; delete: boolean; adminOnly: boolean; maxFileBytes: number }
}

/** `820 Ko`, `3,4 Mo` (`KB`, `MB` in English). */
function sizeText(bytes: number, language: string): string {
  const en = language.startsWith('en')
  const mega = bytes >= 1024 * 1024
  const value = mega ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024))
  const unit = mega ? (en ? 'MB' : 'Mo') : en ? 'KB' : 'Ko'
  return `${value.toLocaleString(language, { maximumFractionDigits: 1 })} ${unit}`
}

/** The Files tab: the uploader (for who may add), then the files this admin may see. */
const FilesTab: React.FC<{ recordId: string; language: string; onChanged: () => void }> = ({
  recordId,
  language,
  onChanged,
}) => {
  const t = useClientShowText()
  const { translateMessage } = useTranslation()
  const addNotice = useNotice()
  const [state, setState] = useState<{ data?: FilesAnswer; failed?: boolean }>({})

  // Bumped to read the list again (a file added or deleted, "try again").
  const [version, setVersion] = useState(0)
  const load = () => setVersion((v) => v + 1)
  useEffect(() => {
    let live = true
    api
      .recordAction({ resourceId: resourceId('Client'), recordId, actionName: 'clientFiles' })
      .then((res) => live && setState({ data: res.data as unknown as FilesAnswer }))
      .catch(() => live && setState({ failed: true }))
    return () => {
      live = false
    }
  }, [recordId, version])

  const changed = () => {
    load()
    onChanged()
  }
  const download = async (file: ClientFileView) => {
    const result = await postDownload(
      downloadUrl(resourceId('Client'), 'downloadFile', recordId),
      { fileId: String(file.id) },
      file.name,
    )
    if (!result.ok)
      addNotice({ message: translateMessage(result.message, resourceId('Client')), type: 'error' })
  }
  const remove = async (file: ClientFileView) => {
    if (!window.confirm(t('files.confirmDelete', { name: file.name }))) return
    const data = new FormData()
    data.append('fileId', String(file.id))
    const res = await api.recordAction({
      resourceId: resourceId('Client'),
      recordId,
      actionName: 'deleteFile',
      data,
    })
    const notice = res.data.notice
    if (notice)
      addNotice({ message: translateMessage(notice.message, resourceId('Client')), type: notice.type })
    changed()
  }

  if (state.failed)
    return (
      <Box data-testid="files-error">
        <Text color="error" mb="default">
          {t('error')}
        </Text>
        <Button type="button" size="sm" onClick={load}>
          {t('retry')}
        </Button>
      </Box>
    )
  if (!state.data) return <Text>{t('loading')}</Text>
  const { files, rights } = state.data
  return (
    <Box>
      {rights.upload && (
        <FileUploader
          recordId={recordId}
          maxBytes={rights.maxFileBytes}
          adminOnly={rights.adminOnly}
          onUploaded={changed}
        />
      )}
      {files.length === 0 ? (
        <Text data-testid="tab-empty">{t('empty.files')}</Text>
      ) : (
        <Table data-testid="tab-table-files" {...stackedRows}>
          <TableHead>
            <TableRow>
              {['name', 'note', 'visibleTo', 'size', 'addedBy', 'addedAt', 'actions'].map((key) => (
                <TableCell key={key}>{t(`files.columns.${key}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {files.map((file) => (
              <TableRow key={file.id} data-testid={`file-row-${file.id}`}>
                <TableCell>{file.name}</TableCell>
                <TableCell>{file.note ?? ''}</TableCell>
                <TableCell>{t(`files.visibility.${file.visibility}`)}</TableCell>
                <TableCell>{sizeText(file.size, language)}</TableCell>
                <TableCell>{file.uploadedBy}</TableCell>
                <TableCell>{formatDate(file.createdAt, language)}</TableCell>
                <TableCell>
                  <Button type="button" size="sm" variant="text" onClick={() => download(file)}>
                    <Icon icon="Download" />
                    {t('files.download')}
                  </Button>
                  {rights.delete && (
                    <Button
                      type="button"
                      size="sm"
                      variant="text"
                      color="danger"
                      onClick={() => remove(file)}
                    >
                      <Icon icon="Trash2" />
                      {t('files.delete')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  )
}

export default FilesTab
