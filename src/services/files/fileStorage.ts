import { createReadStream } from 'node:fs'
import { copyFile, mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'

/** A file received for a storage: the multipart parser's temp file, as @adminjs/upload's `UploadedFile`. */
export interface StoredFileInput {
  path: string
  type: string
  size: number
  name: string
}

/**
 * Where the bytes of the clients' files live. The shape of @adminjs/upload's `BaseProvider`
 * (`upload(file, key, context)`, `delete(key, bucket, context)`, `path(key, bucket, context)`, a
 * `name` and a `bucket`), so a host writes one the way it knows; plus `read`, since every download
 * goes through the panel (role, client and audit checked) rather than to a public URL.
 * `delete` of a key already gone succeeds: an erasure retried after a crash runs it again.
 */
export interface FileStorage {
  readonly name: string
  readonly bucket: string
  upload(file: StoredFileInput, key: string, context?: unknown): Promise<void>
  delete(key: string, bucket: string, context?: unknown): Promise<void>
  path(key: string, bucket: string, context?: unknown): Promise<string> | string
  read(key: string, bucket: string): Promise<Readable>
}

/** Our keys only: `<client id>/<random hex>.<ext>`, nothing that could climb out of a directory or bucket. */
export const STORAGE_KEY = /^\d{1,12}\/[a-f0-9]{32}\.[a-z0-9]{1,8}$/

export class StorageKeyRefused extends Error {
  constructor(key: string) {
    super(`adminjs-clients: refused storage key ${JSON.stringify(key.slice(0, 80))}`)
  }
}

/** The local disk: one directory (created if missing), a key is a path inside it and never outside. */
export class LocalDiskStorage implements FileStorage {
  readonly name = 'local'
  readonly bucket: string

  constructor(directory: string) {
    this.bucket = path.resolve(directory)
  }

  path(key: string, bucket: string = this.bucket): string {
    const root = path.resolve(bucket)
    const full = path.resolve(root, key)
    if (!STORAGE_KEY.test(key) || !full.startsWith(root + path.sep)) throw new StorageKeyRefused(key)
    return full
  }

  async upload(file: StoredFileInput, key: string): Promise<void> {
    const target = this.path(key)
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
    // Copied next to its place, then renamed: a reader never sees half a file.
    const part = `${target}.part`
    try {
      await copyFile(file.path, part)
      await rename(part, target)
    } catch (error) {
      await rm(part, { force: true })
      throw error
    }
  }

  async delete(key: string, bucket: string = this.bucket): Promise<void> {
    await rm(this.path(key, bucket), { force: true })
  }

  async read(key: string, bucket: string = this.bucket): Promise<Readable> {
    const stream = createReadStream(this.path(key, bucket))
    // Opened before the headers go: a missing file is an error here, not a cut download.
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve())
      stream.once('error', reject)
    })
    return stream
  }
}
