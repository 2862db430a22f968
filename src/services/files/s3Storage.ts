import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { STORAGE_KEY, StorageKeyRefused, type FileStorage, type StoredFileInput } from './fileStorage.js'
import { EMPTY_SHA256, signS3Request, type S3Credentials } from './sigv4.js'

/** An S3-compatible storage (AWS S3, MinIO, Scaleway, OVH, Cloudflare R2…). */
export interface S3StorageOptions extends S3Credentials {
  /** `https://s3.eu-west-3.amazonaws.com`, `http://127.0.0.1:9000`… */
  endpoint: string
  region: string
  bucket: string
}

export class S3StorageError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
  ) {
    super(`adminjs-clients: S3 ${operation} answered ${status}`)
  }
}

/**
 * The S3 API through `fetch`, signed with Signature Version 4 (sigv4.ts): PUT, GET and DELETE of
 * an object at `<endpoint>/<bucket>/<key>` (path style, which every compatible host accepts).
 * An upload is read whole to sign its hash: its size was checked before (option `files.maxFileBytes`).
 */
export class S3Storage implements FileStorage {
  readonly name = 's3'
  readonly bucket: string

  constructor(private readonly options: S3StorageOptions) {
    this.bucket = options.bucket
  }

  path(key: string, bucket: string = this.bucket): string {
    if (!STORAGE_KEY.test(key)) throw new StorageKeyRefused(key)
    const base = this.options.endpoint.replace(/\/+$/, '')
    return `${base}/${encodeURIComponent(bucket)}/${key}`
  }

  private async send(method: string, key: string, bucket: string, body?: Buffer, type?: string) {
    const url = new URL(this.path(key, bucket))
    const payloadHash = body ? createHash('sha256').update(body).digest('hex') : EMPTY_SHA256
    const extra: Record<string, string> = body
      ? { 'content-length': String(body.length), 'content-type': type ?? 'application/octet-stream' }
      : {}
    const headers = signS3Request(
      { method, url, headers: extra, payloadHash },
      this.options,
      this.options.region,
    )
    // `host` is the URL's; fetch sets it (and refuses it as a header).
    const { host: _host, ...sent } = headers
    return fetch(url, { method, headers: sent, body: body && new Uint8Array(body), redirect: 'error' })
  }

  async upload(file: StoredFileInput, key: string): Promise<void> {
    const response = await this.send('PUT', key, this.bucket, await readFile(file.path), file.type)
    await response.body?.cancel()
    if (!response.ok) throw new S3StorageError('PUT', response.status)
  }

  async delete(key: string, bucket: string = this.bucket): Promise<void> {
    const response = await this.send('DELETE', key, bucket)
    await response.body?.cancel()
    if (!response.ok && response.status !== 404) throw new S3StorageError('DELETE', response.status)
  }

  async read(key: string, bucket: string = this.bucket): Promise<Readable> {
    const response = await this.send('GET', key, bucket)
    if (!response.ok || !response.body) {
      await response.body?.cancel()
      throw new S3StorageError('GET', response.status)
    }
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)
  }
}
