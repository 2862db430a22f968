import { ViewHelpers } from 'adminjs'

const h = new ViewHelpers()

/** The router's download route of an action (http/downloads.ts), with the list's query string. */
export function downloadUrl(resourceId: string, action: string, recordId?: string, search = ''): string {
  const path = recordId
    ? ['api', 'resources', resourceId, 'records', recordId, 'download', action]
    : ['api', 'resources', resourceId, 'download', action]
  return h.urlBuilder(path.map(encodeURIComponent), search ? `?${search.replace(/^\?/, '')}` : '')
}

/** The exact name (`filename*`, a client's file) if the header has one, else the ASCII one. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const exact = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition ?? '')?.[1]
  if (exact) {
    try {
      return decodeURIComponent(exact)
    } catch {
      // A malformed header: the ASCII name below.
    }
  }
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback
}

/**
 * POSTs a download (a POST: the same-origin check applies, and the server records it) and saves
 * the answer as a file; a refusal comes back as AdminJS's notice, its message key to translate.
 */
export async function postDownload(
  url: string,
  fields: Record<string, string>,
  fallbackName: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  const response = await fetch(url, { method: 'POST', body, credentials: 'same-origin' })
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { notice?: { message?: string } } | null
    return { ok: false, message: answer?.notice?.message ?? 'serverError' }
  }
  const blob = await response.blob()
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName)
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
  return { ok: true }
}
