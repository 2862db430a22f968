import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { LocalDiskStorage, S3Storage } from '../src/index.js'
import { signS3Request } from '../src/services/files/sigv4.js'

const CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret/KEY+test' }
const AUTH =
  /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/(\d{8})\/eu-west-3\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/

interface Seen {
  method: string
  url: string
  signedHeaders: string[]
  verified: boolean
}

/**
 * A small S3 stand-in: keeps objects by path, and checks each request's signature by signing it
 * again from what it received (the same headers, the body's hash, the `x-amz-date` sent).
 */
function s3Server() {
  const objects = new Map<string, Buffer>()
  const seen: Seen[] = []
  let refuse: number | null = null
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const auth = AUTH.exec(String(req.headers.authorization ?? ''))
      const signedHeaders = auth ? auth[2].split(';') : []
      const hash = createHash('sha256').update(body).digest('hex')
      const stamp = String(req.headers['x-amz-date'] ?? '')
      const date = new Date(
        stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
      )
      const extra = Object.fromEntries(
        signedHeaders
          .filter((h) => !['host', 'x-amz-date', 'x-amz-content-sha256'].includes(h))
          .map((h) => [h, String(req.headers[h])]),
      )
      const again = signS3Request(
        {
          method: req.method ?? '',
          url: new URL(`http://${req.headers.host}${req.url}`),
          headers: extra,
          payloadHash: hash,
        },
        CREDENTIALS,
        'eu-west-3',
        date,
      )
      const verified =
        Boolean(auth) &&
        req.headers['x-amz-content-sha256'] === hash &&
        again.authorization === req.headers.authorization
      seen.push({ method: req.method ?? '', url: req.url ?? '', signedHeaders, verified })
      if (!verified) return void res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>')
      if (refuse) return void res.writeHead(refuse).end()
      const key = req.url ?? ''
      if (req.method === 'PUT') {
        objects.set(key, body)
        return void res.writeHead(200).end()
      }
      if (req.method === 'GET') {
        const found = objects.get(key)
        return void (found ? res.writeHead(200).end(found) : res.writeHead(404).end())
      }
      if (req.method === 'DELETE') {
        const had = objects.delete(key)
        return void res.writeHead(had ? 204 : 404).end()
      }
      res.writeHead(405).end()
    })
  })
  return {
    objects,
    seen,
    refuseWith: (status: number | null) => (refuse = status),
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

describe('the S3-compatible storage', () => {
  const server = s3Server()
  let storage: S3Storage
  let dir: string
  let source: string
  const KEY = '12/0123456789abcdef0123456789abcdef.pdf'
  const BYTES = Buffer.from('%PDF-1.4 un relevé\n')

  beforeAll(async () => {
    storage = new S3Storage({
      ...CREDENTIALS,
      endpoint: await server.listen(),
      region: 'eu-west-3',
      bucket: 'crm-files',
    })
    dir = await mkdtemp(path.join(os.tmpdir(), 's3-test-'))
    source = path.join(dir, 'upload_x')
    await writeFile(source, BYTES)
  })
  afterAll(async () => {
    await server.close()
    await rm(dir, { recursive: true, force: true })
  })

  test('PUT, GET and DELETE an object, each signed (SigV4) as the server checks it', async () => {
    await storage.upload(
      { path: source, name: 'relevé.pdf', size: BYTES.length, type: 'application/pdf' },
      KEY,
    )
    expect(server.objects.get(`/crm-files/${KEY}`)).toEqual(BYTES)
    const stream = await storage.read(KEY, 'crm-files')
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array))
    expect(Buffer.concat(chunks)).toEqual(BYTES)
    await storage.delete(KEY, 'crm-files')
    expect(server.objects.size).toBe(0)
    // Deleting what is gone succeeds: an erasure retried after a crash deletes again.
    await storage.delete(KEY, 'crm-files')
    expect(server.seen.map((s) => [s.method, s.url, s.verified])).toEqual([
      ['PUT', `/crm-files/${KEY}`, true],
      ['GET', `/crm-files/${KEY}`, true],
      ['DELETE', `/crm-files/${KEY}`, true],
      ['DELETE', `/crm-files/${KEY}`, true],
    ])
    expect(server.seen[0].signedHeaders).toEqual([
      'content-length',
      'content-type',
      'host',
      'x-amz-content-sha256',
      'x-amz-date',
    ])
    expect(server.seen[1].signedHeaders).toEqual(['host', 'x-amz-content-sha256', 'x-amz-date'])
    expect(storage.path(KEY, 'crm-files')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/crm-files\/12\/[a-f0-9]{32}\.pdf$/,
    )
  })

  test('a refusal of the storage is an error, a missing object too; a key not ours never leaves', async () => {
    await expect(storage.read('12/ffffffffffffffffffffffffffffffff.pdf', 'crm-files')).rejects.toMatchObject({
      status: 404,
    })
    server.refuseWith(503)
    await expect(
      storage.upload({ path: source, name: 'a.pdf', size: BYTES.length, type: 'application/pdf' }, KEY),
    ).rejects.toMatchObject({ operation: 'PUT', status: 503 })
    server.refuseWith(null)
    const before = server.seen.length
    for (const key of [
      '../etc/passwd',
      '12/../../x.pdf',
      'a.pdf',
      '12/ABC.pdf',
      '12/0123456789abcdef0123456789abcdef.pdf?x=1',
    ])
      expect(() => storage.path(key, 'crm-files')).toThrow(/refused storage key/)
    await expect(storage.delete('../x', 'crm-files')).rejects.toThrow(/refused storage key/)
    expect(server.seen.length).toBe(before)
  })

  test('a wrong secret is refused by the server checking the signature', async () => {
    const wrong = new S3Storage({
      ...CREDENTIALS,
      secretAccessKey: 'other',
      endpoint: storage.path(KEY).split('/crm-files')[0],
      region: 'eu-west-3',
      bucket: 'crm-files',
    })
    await expect(wrong.delete(KEY, 'crm-files')).rejects.toMatchObject({ status: 403 })
    expect(server.seen.at(-1)?.verified).toBe(false)
  })
})

describe('the local disk storage', () => {
  test('keys stay inside its directory, which it creates', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'disk-test-'))
    try {
      const storage = new LocalDiskStorage(path.join(root, 'files', 'nested'))
      const source = path.join(root, 'upload_y')
      await writeFile(source, 'bonjour\n')
      const key = '7/0123456789abcdef0123456789abcdef.txt'
      await storage.upload({ path: source, name: 'a.txt', size: 8, type: 'text/plain' }, key)
      expect(storage.path(key)).toBe(path.join(root, 'files', 'nested', key))
      for (const bad of ['../../x.txt', '/etc/passwd', '7/../../x.txt', '7\\..\\x.txt'])
        expect(() => storage.path(bad)).toThrow(/refused storage key/)
      await storage.delete(key, storage.bucket)
      await storage.delete(key, storage.bucket)
      await expect(storage.read(key, storage.bucket)).rejects.toMatchObject({ code: 'ENOENT' })
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
