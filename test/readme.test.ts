import { readFileSync } from 'node:fs'

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')

describe('README', () => {
  test('shows the mount example exactly as the compiled file (tsc checks examples/)', () => {
    const example = read('examples/mount-in-express.ts')
    expect(read('README.md')).toContain('```ts\n' + example + '```')
  })

  test('shows the client area sketch exactly as the compiled file', () => {
    const example = read('examples/client-area.ts')
    expect(read('README.md')).toContain('```ts\n' + example + '```')
  })

  test('gives the commands package.json and .ci/run use', () => {
    const readme = read('README.md')
    const scripts = JSON.parse(read('package.json')).scripts
    expect(readme).toContain('npm install && npm start')
    expect(readme).toContain('npm test')
    expect(scripts.start).toBe('tsx demo/server.ts')
    expect(scripts.test).toContain('test:unit')
    expect(read('.ci/run')).toMatch(/^npm test$/m)
  })
})
