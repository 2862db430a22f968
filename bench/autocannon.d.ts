// autocannon ships no types: the part of its API the bench uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'
  interface Options {
    url: string
    connections?: number
    duration?: number
    headers?: Record<string, string>
  }
  interface Result {
    requests: { total: number }
    duration: number
    non2xx: number
    errors: number
    timeouts: number
  }
  interface Instance extends EventEmitter, PromiseLike<Result> {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): this
  }
  function autocannon(options: Options): Instance
  export default autocannon
}
