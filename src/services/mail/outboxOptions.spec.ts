import { DEFAULT_OUTBOX_OPTIONS, checkOutboxOptions, retryDelayMs } from './outboxOptions.js'

test('the default delays double, stop at the maximum, and eight attempts span about a day', () => {
  const noJitter = { ...DEFAULT_OUTBOX_OPTIONS, jitter: 0 }
  const delays = [1, 2, 3, 4, 5, 6, 7].map((attempts) => retryDelayMs(attempts, noJitter))
  expect(delays.map((ms) => ms / 60_000)).toEqual([12, 24, 48, 96, 192, 384, 720])
  const hours = delays.reduce((a, b) => a + b, 0) / 3600_000
  expect(hours).toBeGreaterThan(20)
  expect(hours).toBeLessThan(28)
})

test('the jitter spreads a delay by its share either way, never below zero', () => {
  const options = { backoffBaseMs: 1000, backoffMaxMs: 10_000, jitter: 0.5 }
  expect(retryDelayMs(1, options, 0)).toBe(500)
  expect(retryDelayMs(1, options, 0.5)).toBe(1000)
  expect(retryDelayMs(1, options, 0.999999)).toBe(1500)
  expect(retryDelayMs(50, options, 0.5)).toBe(10_000)
})

test('wrong options are all named at once', () => {
  expect(
    checkOutboxOptions({
      worker: 'elsewhere',
      maxAttempts: 0,
      jitter: 2,
      backoffBaseMs: 10,
      backoffMaxMs: 5,
    }),
  ).toEqual([
    'outbox.worker must be "in-process" or "separate"',
    'outbox.maxAttempts must be a whole number from 1 to 100',
    'outbox.jitter must be a number from 0 to 1',
    'outbox.backoffMaxMs must not be below outbox.backoffBaseMs',
  ])
  expect(checkOutboxOptions(undefined)).toEqual([])
  expect(checkOutboxOptions({ maxAttempts: 3, leaseMs: 500 })).toEqual([])
})
