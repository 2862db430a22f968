import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

// Two promises of the product, held by one place (services/core/transaction.ts): every
// transaction goes through the transaction helper (it queues SQLite transactions and retries
// conflicts), every history row through the event writer beside it (it masks secrets and chunks
// inserts). A bypass written anywhere else in src fails here.
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory()
      ? files(full)
      : /\.tsx?$/.test(name) && !name.endsWith('.spec.ts')
        ? [full]
        : []
  })

const occurrences = (pattern: RegExp, except: string) =>
  files('src')
    .filter((file) => file !== except)
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => [file, i + 1, line] as const)
        .filter(([, , line]) => pattern.test(line))
        .map(([f, n, line]) => `${f}:${n}: ${line.trim()}`),
    )

test('transactions are opened only by the transaction helper', () => {
  expect(
    occurrences(/\.transaction\(|startTransaction\(/, path.join('src', 'services', 'core', 'transaction.ts')),
  ).toEqual([])
})

test('history rows are written only by the event writer', () => {
  const writes =
    /into\(ClientEvent\)|(insert|save|create|upsert)\(\s*ClientEvent\b|getRepository\(ClientEvent\)\s*\.(insert|save|upsert)|\.into\(['"]client_events['"]\)|INSERT INTO\s+`?client_events/i
  expect(occurrences(writes, path.join('src', 'services', 'core', 'transaction.ts'))).toEqual([])
})
