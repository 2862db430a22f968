import { createHash, createHmac } from 'node:crypto'

/** The keys an S3-compatible storage gives (`sessionToken` for temporary credentials). */
export interface S3Credentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

export interface SignableRequest {
  method: string
  url: URL
  /** Headers to sign besides `host`, `x-amz-date` and `x-amz-content-sha256` (names in any case). */
  headers?: Record<string, string>
  /** The body's SHA-256 in hex (of the empty string for none). */
  payloadHash: string
}

export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex')

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex')
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest()

/** RFC 3986 encoding as SigV4 wants it (`encodeURIComponent` leaves `!'()*` alone). */
const encode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** `20130524T000000Z` */
export const amzDate = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/**
 * The headers of a request signed with AWS Signature Version 4 for S3 (service `s3`): `host`,
 * `x-amz-date`, `x-amz-content-sha256`, the session token if any, and `Authorization`. S3 signs
 * the path as it is sent (each segment encoded once), and the query sorted by name.
 */
export function signS3Request(
  request: SignableRequest,
  credentials: S3Credentials,
  region: string,
  now: Date = new Date(),
): Record<string, string> {
  const stamp = amzDate(now)
  const day = stamp.slice(0, 8)
  const headers: Record<string, string> = {
    host: request.url.host,
    'x-amz-date': stamp,
    'x-amz-content-sha256': request.payloadHash,
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
  }
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value
  const names = Object.keys(headers).sort()
  const canonicalPath = request.url.pathname
    .split('/')
    .map((segment) => encode(decodeURIComponent(segment)))
    .join('/')
  const query = [...request.url.searchParams]
    .map(([k, v]) => [encode(k), encode(v)])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath || '/',
    query,
    names.map((n) => `${n}:${headers[n].trim().replace(/\s+/g, ' ')}\n`).join(''),
    names.join(';'),
    request.payloadHash,
  ].join('\n')
  const scope = `${day}/${region}/s3/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256(canonicalRequest)].join('\n')
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), 's3'), 'aws4_request')
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex')
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  }
}
