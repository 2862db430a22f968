import net from 'node:net'
import { DataSource } from 'typeorm'
import { galeraDataSourceOptions, type DatabaseNode } from '../src/index.js'
import { inTransaction, resetTransactionStats, transactionStats } from '../src/services/core/transaction.js'
import { createMysqlDatabase, requireMysqlInCi } from './support/databases.js'

// A list of nodes on one MariaDB server: the first node is a TCP proxy in front of it that the
// test stops (every connection through it cut, the port refusing), as a node that stops does.
// The real failover on a 3-node Galera cluster is test/cluster/nodeFailover.cluster.ts.

interface Proxy {
  port: number
  connections: number
  stop(): Promise<void>
  start(): Promise<void>
}

async function proxyTo(target: DatabaseNode): Promise<Proxy> {
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  const proxy: Proxy = {
    port: 0,
    connections: 0,
    async start() {
      server = net.createServer((client) => {
        proxy.connections += 1
        const upstream = net.connect(target.port, target.host)
        for (const [a, b] of [
          [client, upstream],
          [upstream, client],
        ]) {
          sockets.add(a)
          a.pipe(b)
          a.on('error', () => b.destroy())
          a.on('close', () => {
            sockets.delete(a)
            b.destroy()
          })
        }
      })
      await new Promise<void>((resolve) => server?.listen(proxy.port, '127.0.0.1', resolve))
      proxy.port = (server?.address() as net.AddressInfo).port
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server?.close(() => resolve()))
      for (const socket of sockets) socket.destroy()
      await closed
    },
  }
  await proxy.start()
  return proxy
}

requireMysqlInCi()

if (process.env.MYSQL_URL) {
  describe('a list of nodes (galeraDataSourceOptions)', () => {
    let database: { url: string; drop: () => Promise<void> }
    let proxy: Proxy
    let dataSource: DataSource
    const changes: string[] = []

    beforeAll(async () => {
      database = await createMysqlDatabase()
      const url = new URL(database.url)
      proxy = await proxyTo({ host: url.hostname, port: Number(url.port || 3306) })
      const direct = `${url.hostname}:${url.port || 3306}`
      const list = database.url.replace(`@${direct}`, `@127.0.0.1:${proxy.port},${direct}`)
      dataSource = new DataSource({
        type: 'mariadb',
        ...galeraDataSourceOptions(list, {
          restoreNodeMs: 1500,
          onNodeChange: ({ node, state }) =>
            changes.push(`${node.port === proxy.port ? 'proxy' : 'direct'} ${state}`),
        }),
      })
      await dataSource.initialize()
      await dataSource.query(
        'CREATE TABLE writes (id INT AUTO_INCREMENT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB',
      )
    })

    afterAll(async () => {
      if (dataSource?.isInitialized) await dataSource.destroy()
      await proxy?.stop()
      await database?.drop()
    })

    const write = (n: number) =>
      inTransaction(dataSource, async (manager) => {
        await manager.query('INSERT INTO writes (n) VALUES (?)', [n])
      })

    test('the first node serves while it answers; when it stops, the next one does, from the next connection', async () => {
      await Promise.all([1, 2, 3, 4].map(write))
      const before = proxy.connections
      expect(before).toBeGreaterThan(0)
      expect(changes).toEqual([])

      await proxy.stop()
      // Pooled connections through the stopped node are gone; the next ones go to the next node.
      const started = Date.now()
      for (let n = 5; n <= 20; n += 1) await write(n)
      const movedInMs = Date.now() - started
      expect(changes).toEqual(['proxy offline'])
      const [{ count }] = await dataSource.query('SELECT COUNT(*) AS count FROM writes')
      expect(Number(count)).toBe(20)
      // Refused at once on loopback: no connect timeout waited.
      expect(movedInMs).toBeLessThan(3000)
      process.stdout.write(
        `node list: 16 transactions on the next node ${movedInMs} ms after the first stopped\n`,
      )
    })

    test('the first node back is used again once `restoreNodeMs` has passed', async () => {
      await proxy.start()
      const before = proxy.connections
      await new Promise((resolve) => setTimeout(resolve, 1600))
      // Idle connections to the second node stay in its pool; a new one opened now goes to the first.
      await Promise.all(Array.from({ length: 12 }, (_, i) => write(100 + i)))
      expect(proxy.connections).toBeGreaterThan(before)
      expect(changes).toEqual(['proxy offline', 'proxy online'])
    })

    test('a transaction cut when its node stops is run again on the next node, and written once', async () => {
      resetTransactionStats()
      let runs = 0
      await inTransaction(dataSource, async (manager) => {
        runs += 1
        await manager.query('INSERT INTO writes (n) VALUES (?)', [999])
        // The node stops in the middle of the first run: its insert is rolled back with the connection.
        if (runs === 1) await proxy.stop()
        await manager.query('INSERT INTO writes (n) VALUES (?)', [999])
      })
      expect(runs).toBe(2)
      const [{ count }] = await dataSource.query('SELECT COUNT(*) AS count FROM writes WHERE n = 999')
      expect(Number(count)).toBe(2)
      expect(transactionStats()).toMatchObject({ retries: 1, conflicts: 0 })
      expect(transactionStats().byCause.connectionLost).toBe(1)
      expect(changes.at(-1)).toBe('proxy offline')
    })
  })
}
