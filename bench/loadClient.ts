// One slice of a load case, in a process of its own so that the load generator does not share
// the server's event loop: `tsx bench/loadClient.ts '<json options>'` prints one JSON line.
import autocannon from 'autocannon'

const { url, cookie, connections, seconds } = JSON.parse(process.argv[2]) as {
  url: string
  cookie?: string
  connections: number
  seconds: number
}

const latencies: number[] = []
const instance = autocannon({
  url,
  connections,
  duration: seconds,
  headers: cookie ? { cookie } : {},
})
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  if (statusCode === 200) latencies.push(Math.round(responseTime * 100) / 100)
})
const result = await instance
console.log(
  JSON.stringify({
    requests: result.requests.total,
    seconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    latencies,
  }),
)
