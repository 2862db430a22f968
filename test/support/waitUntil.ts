/**
 * Waits until `done()` holds, checking every `everyMs` (50 ms) for at most `ms`; fails the test
 * after, naming `what`. A condition and a generous deadline, never a count of polls: a busy
 * machine makes the wait longer, not the test red.
 */
export async function waitUntil(
  what: string,
  done: () => boolean | Promise<boolean>,
  ms: number,
  everyMs = 50,
): Promise<void> {
  const until = Date.now() + ms
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}
