import mysql from 'mysql2/promise'
import { createMysqlDatabase } from '../support/databases.js'
import { copyMysqlTemplate } from '../support/mysqlTemplate.js'
import { startGaleraNode, stopGaleraNode } from './galera.js'

// The cluster run (clusterRun.ts) tells the test files where the nodes are: GALERA_URLS (the
// cluster's database on each node), GALERA_SOCKETS (each node's socket, for root) and GALERA_ROOT
// (their folder, to stop and start one).

/** Node `node`'s (1–3) URL for the database `database`. */
export function nodeUrl(node: number, database: string): string {
  const urls: string[] = JSON.parse(process.env.GALERA_URLS ?? '[]')
  if (urls.length !== 3) throw new Error('GALERA_URLS is not set: run through `npm run test:cluster`')
  const url = new URL(urls[node - 1])
  url.pathname = `/${database}`
  return url.toString()
}

/** One statement as root on node `node` (1–3), through its socket. */
export async function asRoot<T>(node: number, sql: string): Promise<T> {
  const sockets: string[] = JSON.parse(process.env.GALERA_SOCKETS ?? '[]')
  if (sockets.length !== 3) throw new Error('GALERA_SOCKETS is not set: run through `npm run test:cluster`')
  const connection = await mysql.createConnection({
    socketPath: sockets[node - 1],
    user: 'root',
    password: '',
  })
  try {
    return (await connection.query(sql))[0] as T
  } finally {
    await connection.end()
  }
}

const root = () => {
  if (!process.env.GALERA_ROOT) throw new Error('GALERA_ROOT is not set: run through `npm run test:cluster`')
  return process.env.GALERA_ROOT
}

/** Stops node `node` (1–3): `kill` as a crash (SIGKILL), `shutdown` as a clean stop. */
export const stopNode = (node: number, how: 'kill' | 'shutdown') => stopGaleraNode(root(), node, how)

/** Starts node `node` (1–3) again; resolves with the seconds it took to be synced in a cluster of 3. */
export const startNode = (node: number) => startGaleraNode(root(), node)

/**
 * A fresh database on the cluster (through node 1) with the run's template schema copied in
 * (clusterRun.ts): `prepareSchema` then finds every migration done. TEST_MYSQL_TEMPLATE=off: empty.
 */
export async function clusterDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = await createMysqlDatabase()
  const template = process.env.TEST_MYSQL_TEMPLATE
  if (template && template !== 'off') await copyMysqlTemplate(template, database.url)
  return database
}
