import { ViewHelpers } from 'adminjs'

const h = new ViewHelpers()

/** What the server answered an upload: the file kept, or the message key of its refusal. */
export type UploadOutcome = { ok: true } | { ok: false; message: string }

interface UploadAnswer {
  notice?: { message?: string; type?: string }
  record?: { errors?: Record<string, { message?: string }> }
}

/**
 * POSTs one file to the `uploadFile` action as multipart, reporting the bytes sent (0 to 1):
 * XMLHttpRequest, since fetch cannot tell an upload's progress. A field error, a notice or a
 * status without a body all come back as a message key.
 */
export function uploadClientFile(
  resourceId: string,
  recordId: string,
  fields: { file: File; note: string; visibility: string },
  onProgress: (fraction: number) => void,
): Promise<UploadOutcome> {
  const url = h.urlBuilder(
    ['api', 'resources', resourceId, 'records', recordId, 'uploadFile'].map(encodeURIComponent),
  )
  const body = new FormData()
  body.append('note', fields.note)
  body.append('visibility', fields.visibility)
  body.append('file', fields.file, fields.file.name)
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.withCredentials = true
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total)
    }
    xhr.onerror = () => resolve({ ok: false, message: 'fileUploadFailed' })
    xhr.onload = () => {
      let answer: UploadAnswer | null = null
      try {
        answer = JSON.parse(xhr.responseText) as UploadAnswer
      } catch {
        answer = null
      }
      const fieldError = Object.values(answer?.record?.errors ?? {})[0]?.message
      if (fieldError) return resolve({ ok: false, message: fieldError })
      if (xhr.status >= 400 || answer?.notice?.type === 'error')
        return resolve({
          ok: false,
          message: answer?.notice?.message ?? (xhr.status === 413 ? 'bodyTooLarge' : 'fileUploadFailed'),
        })
      onProgress(1)
      resolve({ ok: true })
    }
    xhr.send(body)
  })
}
