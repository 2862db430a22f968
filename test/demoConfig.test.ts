import { readFile } from 'node:fs/promises'
import { spawnSync } from 'node:child_process'
import { DemoConfigError, readDemoConfig } from '../demo/config.js'
import { WORKER_ENV_NAMES } from '../demo/workerEnv.js'

test('every outbox and import-job option is read from the environment, in seconds where it is a duration', () => {
  const config = readDemoConfig({
    OUTBOX_WORKER: 'separate',
    OUTBOX_MAX_ATTEMPTS: '5',
    OUTBOX_BACKOFF_BASE_SECONDS: '60',
    OUTBOX_BACKOFF_MAX_SECONDS: '3600',
    OUTBOX_JITTER: '0.1',
    OUTBOX_CONCURRENCY: '2',
    OUTBOX_BATCH: '50',
    OUTBOX_POLL_SECONDS: '0.5',
    OUTBOX_LEASE_SECONDS: '120',
    OUTBOX_PROBE_SECONDS: '15',
    IMPORT_WORKER: 'separate',
    IMPORT_LEASE_SECONDS: '90',
    IMPORT_HEARTBEAT_SECONDS: '20',
    IMPORT_POLL_SECONDS: '1',
  })
  expect(config.outbox).toEqual({
    worker: 'separate',
    maxAttempts: 5,
    backoffBaseMs: 60_000,
    backoffMaxMs: 3_600_000,
    jitter: 0.1,
    concurrency: 2,
    batchSize: 50,
    pollIntervalMs: 500,
    leaseMs: 120_000,
    probeIntervalMs: 15_000,
  })
  expect(config.outboxWorker).toBe('separate')
  expect(config.jobs).toEqual({ worker: 'separate', leaseMs: 90_000, heartbeatMs: 20_000, pollMs: 1000 })
  // Unset or empty: the plugin's defaults.
  expect(readDemoConfig({ OUTBOX_LEASE_SECONDS: '' }).outbox).toEqual({})
  expect(readDemoConfig({}).jobs).toEqual({})
})

test('wrong values are all named at once, by their variable', () => {
  let caught: unknown
  try {
    readDemoConfig({
      PORT: 'x',
      OUTBOX_WORKER: 'elsewhere',
      OUTBOX_BATCH: '-3',
      OUTBOX_LEASE_SECONDS: 'five',
      OUTBOX_JITTER: '2',
      IMPORT_POLL_SECONDS: '1e3',
    })
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(DemoConfigError)
  expect((caught as DemoConfigError).problems).toEqual([
    'PORT must be a port number, got x',
    'OUTBOX_WORKER must be "in-process" or "separate", got "elsewhere"',
    'OUTBOX_JITTER must be a number from 0 to 1, got "2"',
    'OUTBOX_BATCH must be a whole number, got "-3"',
    'OUTBOX_LEASE_SECONDS must be a number of seconds, e.g. 30 or 0.5, got "five"',
    'IMPORT_POLL_SECONDS must be a number of seconds, e.g. 30 or 0.5, got "1e3"',
  ])
  // Well written but out of the plugin's range: the plugin's own rule, named by the variable.
  expect(() => readDemoConfig({ OUTBOX_BATCH: '5000', IMPORT_HEARTBEAT_SECONDS: '120' })).toThrow(
    /OUTBOX_BATCH \(outbox.batchSize.*\) must be a whole number from 1 to 1000[\s\S]*IMPORT_HEARTBEAT_SECONDS|jobs.heartbeatMs must be shorter/,
  )
})

test('the demo stops at start with the list of wrong variables, and no stack trace', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'demo/worker.ts'], {
    env: { ...process.env, OUTBOX_LEASE_SECONDS: 'soon', IMPORT_WORKER: 'maybe' },
    encoding: 'utf8',
    timeout: 60_000,
  })
  expect(run.status).toBe(1)
  expect(run.stderr).toContain("The demo's environment is wrong:")
  expect(run.stderr).toContain('OUTBOX_LEASE_SECONDS must be a number of seconds')
  expect(run.stderr).toContain('IMPORT_WORKER must be "in-process" or "separate"')
  expect(run.stderr).not.toMatch(/\n\s+at /)
}, 90_000)

test('the README’s demo table documents every one of those variables', async () => {
  const readme = await readFile('README.md', 'utf8')
  const table = readme.slice(readme.indexOf('## Try it'), readme.indexOf('## Test'))
  expect(WORKER_ENV_NAMES.filter((name) => !table.includes(`| \`${name}\``))).toEqual([])
})
