import path from 'node:path'
import { LocalDiskStorage, type FileStorage } from './fileStorage.js'
import { S3Storage, type S3StorageOptions } from './s3Storage.js'

/** The clients' files (option `files` of createClientManagement). */
export interface ClientFileOptions {
  /** The local disk's directory (created if missing). Default `./client-files` of the process. */
  directory?: string
  /** An S3-compatible storage instead of the local disk. */
  s3?: S3StorageOptions
  /** Your own provider (the shape of @adminjs/upload's BaseProvider, plus `read`): wins over both. */
  storage?: FileStorage
  /** Largest file, in bytes. Default 20 MiB. */
  maxFileBytes?: number
  /** Most bytes of files put in a client's GDPR archive (the list always is). Default 100 MiB. */
  archiveMaxBytes?: number
}

export interface ResolvedFileOptions {
  storage: FileStorage
  maxFileBytes: number
  archiveMaxBytes: number
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
export const DEFAULT_ARCHIVE_MAX_BYTES = 100 * 1024 * 1024

const S3_KEYS = ['endpoint', 'region', 'bucket', 'accessKeyId', 'secretAccessKey'] as const

/** What is wrong with the `files` option, one sentence each. */
export function checkFileOptions(value: unknown): string[] {
  if (value === undefined) return []
  if (typeof value !== 'object' || value === null) return ['files must be an object']
  const given = value as Record<string, unknown>
  const problems: string[] = []
  if (given.directory !== undefined && (typeof given.directory !== 'string' || !given.directory))
    problems.push('files.directory must be a directory path')
  for (const name of ['maxFileBytes', 'archiveMaxBytes']) {
    const n = given[name]
    if (n !== undefined && (!Number.isSafeInteger(n) || (n as number) < 1))
      problems.push(`files.${name} must be a positive whole number`)
  }
  if (given.s3 !== undefined) {
    const s3 = (typeof given.s3 === 'object' && given.s3) || {}
    for (const key of S3_KEYS) {
      const v = (s3 as Record<string, unknown>)[key]
      if (typeof v !== 'string' || !v) problems.push(`files.s3.${key} must be a non-empty string`)
    }
    const endpoint = (s3 as Record<string, unknown>).endpoint
    if (typeof endpoint === 'string' && !/^https?:\/\/[^/]+\/?$/.test(endpoint))
      problems.push('files.s3.endpoint must be http(s)://host[:port] without a path')
  }
  const storage = given.storage as Record<string, unknown> | undefined
  if (storage !== undefined) {
    const methods = ['upload', 'delete', 'path', 'read']
    if (!storage || typeof storage.name !== 'string' || methods.some((m) => typeof storage[m] !== 'function'))
      problems.push('files.storage must have a name and upload, delete, path and read methods')
  }
  return problems
}

export function resolveFileOptions(value: ClientFileOptions | undefined): ResolvedFileOptions {
  const given = value ?? {}
  const storage =
    given.storage ??
    (given.s3
      ? new S3Storage(given.s3)
      : new LocalDiskStorage(given.directory ?? path.resolve('client-files')))
  return {
    storage,
    maxFileBytes: given.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    archiveMaxBytes: given.archiveMaxBytes ?? DEFAULT_ARCHIVE_MAX_BYTES,
  }
}
