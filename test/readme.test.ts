import { readFileSync } from 'node:fs'

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')

describe('README', () => {
  test('shows the mount example exactly as the compiled file (tsc checks examples/)', () => {
    const example = read('examples/mount-in-express.ts')
    expect(read('README.md')).toContain('```ts\n' + example + '```')
  })

  test('shows the one-call mount exactly as examples/mount.ts, in 10 lines of the host’s own (issue 26)', () => {
    const example = read('examples/mount.ts')
    expect(read('README.md')).toContain('```ts\n' + example + '```')
    const own = example.split('\n').filter((line) => line.trim() && !/^(import |\/\/)/.test(line))
    expect(own.length).toBeLessThanOrEqual(10)
    expect(example).toContain('await mountClientManagement(app, {')
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
    expect(scripts.start).toBe('tsx demo/start.ts')
    expect(readme).toContain('npm run start:dev')
    expect(scripts.test).toContain('test:unit')
    expect(read('.ci/run')).toMatch(/^npm test$/m)
  })

  test('has an install section naming every peer with its major (issue 18, point 5)', () => {
    const readme = read('README.md')
    const install = readme.slice(readme.indexOf('### Install'), readme.indexOf('### Troubleshooting'))
    const peers = Object.keys(JSON.parse(read('package.json')).peerDependencies)
    for (const peer of peers) expect(install).toContain(`\`${peer}\``)
    expect(install).toMatch(/\*\*peers\*\*/)
    expect(install).toContain('adminjs@7')
    expect(readme).toContain("don't call `admin.initialize()` yourself")
  })

  test('its sketches keep sessions in a shared store, not MemoryStore (issue 18, point 9)', () => {
    for (const file of ['examples/client-area.ts', 'examples/mount-in-express.ts']) {
      expect(read(file)).toMatch(/^\s+store[,:]/m)
    }
  })

  test('its troubleshooting names every start-up error with its fix', () => {
    const readme = read('README.md')
    const troubleshooting = readme.slice(readme.indexOf('### Troubleshooting'))
    const checks = read('src/resources/startupChecks.ts')
    for (const phrase of [
      'is both one of your resources and one of adminjs-clients',
      'are not on the ComponentLoader AdminJS uses',
      'does not serve files under',
    ]) {
      expect(checks).toContain(phrase)
      expect(troubleshooting).toContain(phrase)
    }
    // The table and bundle refusals of issue 26, each from where it is raised.
    for (const [file, phrase] of [
      ['src/services/core/tableCheck.ts', "is already in the database and is not the plugin's"],
      ['src/services/core/tableCheck.ts', 'is both your entity'],
      ['src/migrations/pluginTables.ts', "not created by the plugin's migrations"],
      ['src/resources/componentsBundle.ts', 'built for other options or another version'],
    ]) {
      expect(read(file)).toContain(phrase)
      expect(troubleshooting).toContain(phrase)
    }
    expect(troubleshooting).toContain('ADMIN_JS_TMP_DIR')
    expect(troubleshooting).toContain('resourceIdPrefix')
  })

  test('what it tells a host to do names only files the package ships (issue 26, point 5)', () => {
    const readme = read('README.md')
    const shipped = JSON.parse(read('package.json')).files as string[]
    expect(shipped).toEqual(expect.arrayContaining(['dist', 'README.md', 'CHANGELOG.md']))
    for (const heading of ['### Install', '### Upgrading', '### Troubleshooting']) {
      const start = readme.indexOf(heading)
      expect(start).toBeGreaterThan(-1)
      const section = readme.slice(start, readme.indexOf('\n### ', start + heading.length))
      // Repository files a host would open: none but the examples the README shows in full.
      const named = [...section.matchAll(/`((?:demo|src|test|scripts|bench)\/[\w./-]+)`/g)].map((m) => m[1])
      expect([heading, named]).toEqual([heading, []])
    }
  })

  test('has a changelog in semver whose newest version is package.json’s, with the breaking changes', () => {
    const changelog = read('CHANGELOG.md')
    const version = JSON.parse(read('package.json')).version as string
    expect(changelog.match(/^## (\d+\.\d+\.\d+)/m)?.[1]).toBe(version)
    expect(changelog).toContain('### Breaking')
    expect(changelog).toMatch(/register\(\)` resolves to `\{ client: AccountClient \| null/)
  })

  test('says what leaving origins out means, and uses no placeholder origin in its examples', () => {
    expect(read('README.md')).toContain('Leaving it out means "the request\'s own origin"')
    for (const file of ['examples/client-area.ts', 'examples/mount-in-express.ts']) {
      expect(read(file)).not.toMatch(/^\s*origins:/m)
    }
  })
})
