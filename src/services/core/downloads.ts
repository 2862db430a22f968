import type { Action, ActionResponse, BaseRecord, CurrentAdmin } from 'adminjs'
import type { Actor } from './requestValues.js'

/** Where a download is written: the router's response, with the socket's back-pressure. */
export interface DownloadSink {
  /** Sends the headers of an attachment; before it, nothing has been sent and a refusal is still a 400. */
  start(fileName: string, contentType: string): void
  /** Resolves once the chunk is handed to the socket (waits while the socket is full). */
  write(chunk: string | Uint8Array): Promise<void>
}

export interface DownloadRequest {
  /** The query string and the form's fields, flat (`filters.status`, `columns`, `lang`). */
  params: Record<string, unknown>
  /** Record actions: the record, found and allowed. */
  record: BaseRecord | null
  currentAdmin: CurrentAdmin | undefined
  actor: Actor
}

/**
 * What an action streams as a file, served by the router's download route
 * (`POST …/api/resources/:resourceId[/records/:recordId]/download/:action`, http/downloads.ts)
 * after the same checks as the action itself: its `isAccessible` (the role), the origin. Throws
 * `InvalidInputError` for bad input before `sink.start`.
 */
export type DownloadHandler = (request: DownloadRequest, sink: DownloadSink) => Promise<void>

/** An AdminJS action that also serves a file. */
export type DownloadAction = Partial<Action<ActionResponse>> & { download: DownloadHandler }

export const downloadOf = (action: unknown): DownloadHandler | null => {
  const download = (action as { download?: unknown } | null)?.download
  return typeof download === 'function' ? (download as DownloadHandler) : null
}
