import React, { useRef, useState } from 'react'
import { Box, Button, Icon, Input, Label, Select, Text } from '@adminjs/design-system'
import { useTranslation } from 'adminjs'
import { resourceId } from '../common/resourceId.js'
import { useClientShowText } from './useClientShowText.js'
import { uploadClientFile } from './uploadClientFile.js'

interface Pending {
  id: number
  file: File
  note: string
  visibility: 'admins' | 'support'
  progress: number | null
  error: string | null
}

let nextId = 1

/**
 * Drop several files (or pick them with the button: a real file input, reachable by keyboard),
 * give each a note and who may see it, then send them one by one with a progress bar each. A
 * refused file stays in the list with its reason; the kept ones leave it.
 */
const FileUploader: React.FC<{
  recordId: string
  maxBytes: number
  /** Whether this admin may file (and see) "admins only" files. */
  adminOnly: boolean
  onUploaded: () => void
}> = ({ recordId, maxBytes, adminOnly, onUploaded }) => {
  const t = useClientShowText()
  const { translateMessage } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [pending, setPending] = useState<Pending[]>([])
  const [dragging, setDragging] = useState(false)
  const [sending, setSending] = useState(false)

  const add = (files: FileList | null) => {
    const added = Array.from(files ?? []).map((file) => ({
      id: nextId++,
      file,
      note: '',
      visibility: adminOnly ? ('admins' as const) : ('support' as const),
      progress: null,
      error: file.size > maxBytes ? 'fileTooLarge' : null,
    }))
    setPending((list) => [...list, ...added])
  }
  const change = (id: number, patch: Partial<Pending>) =>
    setPending((list) => list.map((p) => (p.id === id ? { ...p, ...patch } : p)))

  const send = async () => {
    setSending(true)
    let kept = 0
    for (const item of pending) {
      if (item.error === 'fileTooLarge') continue
      change(item.id, { progress: 0, error: null })
      const outcome = await uploadClientFile(
        resourceId('Client'),
        recordId,
        { file: item.file, note: item.note, visibility: item.visibility },
        (fraction) => change(item.id, { progress: fraction }),
      )
      if (outcome.ok) {
        kept += 1
        setPending((list) => list.filter((p) => p.id !== item.id))
      } else change(item.id, { progress: null, error: outcome.message })
    }
    setSending(false)
    if (kept > 0) onUploaded()
  }

  const options = [
    ...(adminOnly ? [{ value: 'admins', label: t('files.visibility.admins') }] : []),
    { value: 'support', label: t('files.visibility.support') },
  ]
  return (
    <Box mb="xl" data-testid="file-uploader">
      <Box
        p="xl"
        mb="default"
        style={{
          border: `2px dashed ${dragging ? '#3040D6' : '#C0C0CA'}`,
          borderRadius: 8,
          textAlign: 'center',
        }}
        onDragOver={(e: React.DragEvent) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e: React.DragEvent) => {
          e.preventDefault()
          setDragging(false)
          add(e.dataTransfer.files)
        }}
        data-testid="file-drop-zone"
      >
        <Text mb="default">{t('files.dropHere')}</Text>
        <input
          ref={input}
          id="client-file-picker"
          type="file"
          multiple
          // Keyboard users reach it through the button below; named for screen readers all the same.
          aria-label={t('files.choose')}
          tabIndex={-1}
          style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
          onChange={(e) => {
            add(e.target.files)
            e.target.value = ''
          }}
          data-testid="file-picker"
        />
        <Button type="button" variant="outlined" size="sm" onClick={() => input.current?.click()}>
          <Icon icon="Paperclip" />
          {t('files.choose')}
        </Button>
        <Text variant="sm" mt="default">
          {t('files.limits', { size: Math.round(maxBytes / (1024 * 1024)) })}
        </Text>
      </Box>
      {pending.map((item) => (
        <Box key={item.id} mb="lg" p="default" style={{ border: '1px solid #E0E0E6', borderRadius: 6 }}>
          <Text fontWeight="bold">{item.file.name}</Text>
          <Label htmlFor={`file-note-${item.id}`}>{t('files.note')}</Label>
          <Input
            id={`file-note-${item.id}`}
            width={1}
            maxLength={5000}
            value={item.note}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => change(item.id, { note: e.target.value })}
          />
          <Label htmlFor={`file-visibility-${item.id}`} mt="default">
            {t('files.visibleTo')}
          </Label>
          <Select
            inputId={`file-visibility-${item.id}`}
            value={options.find((o) => o.value === item.visibility)}
            options={options}
            onChange={(o: { value: 'admins' | 'support' } | null) =>
              o && change(item.id, { visibility: o.value })
            }
          />
          {item.progress !== null && (
            <progress
              max={1}
              value={item.progress}
              aria-label={t('files.progress', { name: item.file.name })}
            />
          )}
          {item.error && (
            <Text color="error" role="alert">
              {translateMessage(item.error, resourceId('Client'))}
            </Text>
          )}
          <Button
            type="button"
            size="sm"
            variant="text"
            disabled={sending}
            onClick={() => setPending((list) => list.filter((p) => p.id !== item.id))}
          >
            {t('files.remove')}
          </Button>
        </Box>
      ))}
      {pending.length > 0 && (
        <Button type="button" variant="contained" disabled={sending} onClick={send} data-testid="file-upload">
          <Icon icon={sending ? 'Loader' : 'Upload'} spin={sending} />
          {t('files.upload', { count: pending.length })}
        </Button>
      )}
    </Box>
  )
}

export default FileUploader
