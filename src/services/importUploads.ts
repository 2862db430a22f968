import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const DIR = path.join(os.tmpdir(), 'adminjs-clients-imports')
const KEEP_MS = 24 * 3600_000
const ID = /^[a-f0-9]{32}$/

/**
 * Uploaded files kept between the steps of an import (mapping, dry run, import), under an id
 * the browser holds; never under a name it chose. Files older than a day are removed.
 */
export const importUploads = {
  async keep(uploadedPath: string): Promise<string> {
    await mkdir(DIR, { recursive: true })
    const id = randomBytes(16).toString('hex')
    await copyFile(uploadedPath, path.join(DIR, `${id}.csv`))
    await rm(uploadedPath, { force: true })
    void this.sweep()
    return id
  },

  /** The path of an upload, or null for an id that is malformed or gone. */
  async path(id: unknown): Promise<string | null> {
    if (typeof id !== 'string' || !ID.test(id)) return null
    const file = path.join(DIR, `${id}.csv`)
    try {
      await stat(file)
      return file
    } catch {
      return null
    }
  },

  async sweep(): Promise<void> {
    const now = Date.now()
    for (const name of await readdir(DIR).catch(() => [] as string[])) {
      const file = path.join(DIR, name)
      const info = await stat(file).catch(() => null)
      if (info && now - info.mtimeMs > KEEP_MS) await rm(file, { force: true })
    }
  },
}
