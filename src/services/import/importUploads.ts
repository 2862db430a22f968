import { lstat, realpath, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** The names formidable 1.x (behind @adminjs/express) gives its temp files: `upload_` and 32 hex digits. */
const PARSER_NAME = /^upload_[a-f0-9]{32}(\.[a-z0-9]+)?$/i

/** Bounds of a commission CSV upload (option `imports` of createClientManagement). */
export interface ImportLimits {
  /**
   * Where the multipart parser writes uploads: formidable's `uploadDir`, the third argument of
   * `buildAuthenticatedRouter` / `buildRouter`. Default: `os.tmpdir()`, formidable's default.
   */
  uploadDir: string
  /** Largest file, in bytes (a field error beyond). Default 50 MB. */
  maxFileBytes: number
  /** Longest header line, in bytes. Default 64 KB. */
  maxHeaderBytes: number
  /** Longest line of the file, in bytes. Default 1 MB. */
  maxLineBytes: number
  /** Most columns in the header. Default 200. */
  maxColumns: number
}

export const DEFAULT_IMPORT_LIMITS: Readonly<Omit<ImportLimits, 'uploadDir'>> = {
  maxFileBytes: 50 * 1024 * 1024,
  maxHeaderBytes: 64 * 1024,
  maxLineBytes: 1024 * 1024,
  maxColumns: 200,
}

const NUMERIC = ['maxFileBytes', 'maxHeaderBytes', 'maxLineBytes', 'maxColumns'] as const

/** What is wrong with the `imports` option, one sentence each. */
export function checkImportLimits(value: unknown): string[] {
  if (value === undefined) return []
  if (typeof value !== 'object' || value === null) return ['imports must be an object']
  const given = value as Record<string, unknown>
  const problems: string[] = []
  if (given.uploadDir !== undefined && (typeof given.uploadDir !== 'string' || !given.uploadDir)) {
    problems.push('imports.uploadDir must be the directory of your multipart parser (formidable uploadDir)')
  }
  for (const name of NUMERIC) {
    const n = given[name]
    if (n !== undefined && (!Number.isSafeInteger(n) || (n as number) < 1)) {
      problems.push(`imports.${name} must be a positive whole number`)
    }
  }
  return problems
}

export function resolveImportLimits(value: Partial<ImportLimits> | undefined): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, uploadDir: os.tmpdir(), ...value }
}

/** A file the multipart parser itself wrote for this request. */
export interface ReceivedUpload {
  path: string
  name: string
  size: number
}

/** What @adminjs/express hands the handler beside the payload: a copy of Express's request. */
interface ParsedRequest {
  files?: Record<string, unknown>
  headers?: Record<string, unknown>
  res?: { req?: { headers?: Record<string, unknown> } }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The parser's temp file for `field`, or null. Only `request.files` (filled by the multipart
 * parser, never from a JSON or form body) of a multipart request counts, and only a regular file
 * with the parser's name directly inside its upload directory. A `file` in the body is ignored.
 */
async function received(request: unknown, field: string, uploadDir: string): Promise<ReceivedUpload | null> {
  const req = request as ParsedRequest
  const headers = req.headers ?? req.res?.req?.headers ?? {}
  if (!/^multipart\/form-data\s*;/i.test(String(headers['content-type'] ?? ''))) return null
  const file = isObject(req.files) ? req.files[field] : undefined
  if (!isObject(file) || typeof file.path !== 'string') return null
  const given = path.resolve(file.path)
  if (!PARSER_NAME.test(path.basename(given))) return null
  try {
    const [dir, parent, info] = await Promise.all([
      realpath(uploadDir),
      realpath(path.dirname(given)),
      lstat(given),
    ])
    if (dir !== parent || !info.isFile() || info.isSymbolicLink()) return null
    const name = typeof file.name === 'string' && file.name ? file.name : 'import.csv'
    return { path: path.join(dir, path.basename(given)), name: name.slice(0, 255), size: info.size }
  } catch {
    return null
  }
}

/**
 * The multipart parser's temp files of a request: the one an upload step accepts, and all of them
 * removed once the request is answered. What is kept between steps is in the database (uploadStore).
 */
export const importUploads = {
  received,

  /** Removes every file the parser wrote for this request. */
  async discardReceived(request: unknown, uploadDir: string): Promise<void> {
    const files = (request as ParsedRequest).files
    for (const field of Object.keys(isObject(files) ? files : {})) {
      const upload = await received(request, field, uploadDir)
      if (upload) await rm(upload.path, { force: true })
    }
  },
}
