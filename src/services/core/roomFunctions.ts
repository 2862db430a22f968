import type * as z from 'zod/mini'
import { parseInput } from './requestValues.js'

/**
 * A service function as a host calls it: its last argument read with the action's input schema
 * (what a form would send: `{ reason: 'Fraud', contracts: 'true' }`), then handed, typed, to the
 * function the panel's actions call directly with the value they parsed themselves.
 */
export function acceptingForms<S extends z.core.$ZodType, D, A extends unknown[], R>(
  schema: S,
  run: (deps: D, ...args: [...A, z.output<S>]) => R,
): (deps: D, ...args: [...A, input?: z.input<S>]) => R {
  // The arguments before the input: `run`'s own, but deps.
  const leading = run.length - 2
  return (deps, ...args) => {
    const value = parseInput(schema, args[leading]) as z.output<S>
    return run(deps, ...([...args.slice(0, leading), value] as [...A, z.output<S>]))
  }
}

/** A room's function table with its deps given once: what a host calls (`clients.lifecycle.suspend(…)`). */
export type Bound<T> = {
  [K in keyof T]: T[K] extends (deps: never, ...args: infer A) => infer R ? (...args: A) => R : never
}

/** Binds `deps` to every function of a room's table (no method of its own: one way to reach a service). */
export function bindDeps<D, T extends Record<string, (deps: D, ...args: never[]) => unknown>>(
  deps: D,
  table: T,
): Bound<T> {
  return Object.fromEntries(
    Object.entries(table).map(([name, run]) => [
      name,
      (...args: unknown[]) => (run as (deps: D, ...rest: unknown[]) => unknown)(deps, ...args),
    ]),
  ) as Bound<T>
}
