import { readdir, readFile, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/**
 * Files where an upload could stay: the multipart parser's temp files (`upload_*` in the system
 * temp directory, formidable's default) and the folder where imports kept uploads before they
 * moved to the database (nothing may appear there now). Other test runs share the
 * temp directory, so a test takes a snapshot before and looks only at new files with its marker.
 */
async function uploadFiles(): Promise<string[]> {
  const tmp = os.tmpdir()
  const kept = path.join(tmp, 'adminjs-clients-imports')
  const temp = (await readdir(tmp)).filter((n) => n.startsWith('upload_')).map((n) => path.join(tmp, n))
  const imports = (await readdir(kept).catch(() => [] as string[])).map((n) => path.join(kept, n))
  return [...temp, ...imports]
}

export async function uploadSnapshot(): Promise<Set<string>> {
  return new Set(await uploadFiles())
}

/** New files since the snapshot whose first bytes hold `marker`. */
export async function leftoversWith(before: Set<string>, marker: string): Promise<string[]> {
  const found: string[] = []
  for (const file of await uploadFiles()) {
    if (before.has(file)) continue
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) continue
    const head = await readFile(file)
      .then((b) => b.subarray(0, 4096).toString('latin1'))
      .catch(() => '')
    if (head.includes(marker)) found.push(file)
  }
  return found
}
