import { useEffect, useState } from 'react'

/** What a component shows of data an action answers: a spinner, an error with a retry, or the data. */
export type ActionData<T> =
  | { status: 'loading' }
  | { status: 'error'; retry: () => void }
  | { status: 'empty' | 'ready'; data: T; reload: () => void; replace: (data: T) => void }

type Loaded<T> = { key: string; data: T | null }

/**
 * Data read through one of the plugin's actions (`load`, e.g. `api.resourceAction(…)`), taken out
 * of the answer by `pick` (nothing there is an error). Until the answer for the current `key`
 * arrives it is loading, so no stale data from another key shows; a failed request is an error
 * with a retry, never a spinner forever. `reload` reads again; `replace` shows what a POST answered.
 */
export function useActionData<T>(
  key: string,
  load: () => Promise<{ data: unknown }>,
  pick: (answer: Record<string, unknown>) => T | null | undefined,
  isEmpty: (data: T) => boolean = () => false,
): ActionData<T> {
  const [attempt, setAttempt] = useState(0)
  const current = `${key}|${attempt}`
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null)
  useEffect(() => {
    let live = true
    load()
      .then((res) => live && setLoaded({ key: current, data: pick((res.data ?? {}) as never) ?? null }))
      .catch(() => live && setLoaded({ key: current, data: null }))
    return () => {
      live = false
    }
    // `load` and `pick` are new functions on every render; the key says when to read again.
  }, [current])

  const again = () => setAttempt((n) => n + 1)
  if (loaded?.key !== current) return { status: 'loading' }
  if (loaded.data === null) return { status: 'error', retry: again }
  return {
    status: isEmpty(loaded.data) ? 'empty' : 'ready',
    data: loaded.data,
    reload: again,
    replace: (data: T) => setLoaded({ key: current, data }),
  }
}
