import { EventEmitter } from 'node:events'
import type { Response } from 'express'
import { sinkOf } from './downloads.js'

/** A response whose socket is full until told otherwise: `write` says false, as Node's does. */
class SlowResponse extends EventEmitter {
  full = false
  readonly written: unknown[] = []
  status() {
    return this
  }
  set() {
    return this
  }
  flushHeaders() {}
  write(chunk: unknown) {
    this.written.push(chunk)
    return !this.full
  }
}

const settled = async (promise: Promise<unknown>) => {
  let done = false
  void promise.then(
    () => (done = true),
    () => (done = true),
  )
  await new Promise((resolve) => setImmediate(resolve))
  return done
}

describe('the download sink: the writer waits for the socket', () => {
  test('a write the socket took resolves at once; one that filled it waits for `drain`', async () => {
    const res = new SlowResponse()
    const sink = sinkOf(res as unknown as Response)
    sink.start('clients.csv', 'text/csv')
    expect(await settled(sink.write('a'))).toBe(true)
    res.full = true
    const waiting = sink.write('b')
    expect(await settled(waiting)).toBe(false)
    res.emit('drain')
    await expect(waiting).resolves.toBeUndefined()
    expect(res.written).toEqual(['a', 'b'])
  })

  test('a client gone while the socket is full: the write fails, and so does every next one', async () => {
    const res = new SlowResponse()
    const sink = sinkOf(res as unknown as Response)
    res.full = true
    const waiting = sink.write('a')
    res.emit('close')
    await expect(waiting).rejects.toThrow('the download was interrupted')
    await expect(sink.write('b')).rejects.toThrow('the download was interrupted')
    expect(res.written).toEqual(['a'])
  })
})
