import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { ActionContext, ActionRequest } from 'adminjs'
import { AccessControl } from '../../services/core/accessControl.js'
import type { ClientFiles, FileInput } from '../../services/files/clientFiles.js'
import { uploadFileAction } from './uploadFile.action.js'

// A role may be given `Client.uploadFile` without `Client.adminOnlyFiles`: what it files is for support.
describe('uploadFile: the visibility a role may give', () => {
  let dir: string
  const added: FileInput[] = []
  const clientFiles = {
    options: { maxFileBytes: 1000 },
    add: async (_actor: unknown, _id: number, _file: unknown, input: FileInput) => {
      added.push(input)
      return { id: 1 }
    },
  } as unknown as ClientFiles
  const access = new AccessControl({ admin: '*', clerk: ['show', 'Client.uploadFile'] })

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'upload-spec-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  async function post(role: string, visibility?: string) {
    const temp = path.join(dir, `upload_${'a'.repeat(31)}${Math.floor(Math.random() * 10)}`)
    await writeFile(temp, 'bonjour\n')
    const request = {
      method: 'post',
      payload: visibility === undefined ? {} : { visibility },
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      files: { file: { path: temp, name: 'a.txt' } },
    } as unknown as ActionRequest
    const context = {
      record: { id: () => 5, toJSON: () => ({ id: '5' }) },
      currentAdmin: { email: `${role}@example.com`, role },
    } as unknown as ActionContext
    const action = uploadFileAction({ clientFiles, access, uploadDir: dir })
    const handler = action.handler as (r: ActionRequest, s: unknown, c: ActionContext) => Promise<unknown>
    const outcome = await handler(request, {}, context).catch((error: Error) => error)
    expect(existsSync(temp)).toBe(false)
    return outcome
  }

  test('a role without adminOnlyFiles files for support, and may not ask for admins only', async () => {
    added.length = 0
    await post('clerk')
    await post('clerk', 'support')
    const refused = await post('clerk', 'admins')
    expect(refused).toMatchObject({ name: 'ValidationError' })
    expect(added.map((i) => i.visibility)).toEqual(['support', 'support'])
  })

  test('an admin files for admins unless told otherwise', async () => {
    added.length = 0
    await post('admin')
    await post('admin', 'support')
    expect(added.map((i) => i.visibility)).toEqual(['admins', 'support'])
  })
})
