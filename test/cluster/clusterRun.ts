import { rm } from 'node:fs/promises'
import { makeMysqlTemplate } from '../support/mysqlTemplate.js'
import { startGaleraCluster, type GaleraCluster } from './galera.js'

/** The database every cluster test file makes its own databases next to (`<base>_<random>`). */
export const CLUSTER_DATABASE = 'adminjs_clients_cluster'

let cluster: GaleraCluster | null = null

/**
 * Starts the 3-node cluster once for the whole run: MYSQL_URL points at node 1 (so the test files
 * made for MariaDB, the security suite, run on the cluster unchanged, and on it alone:
 * TEST_DATABASES=mysql), GALERA_URLS lists every node, GALERA_ROOT is the nodes' folder (to stop and
 * start one).
 */
export async function startClusterRun(): Promise<void> {
  // The watchdog's limit (it ends the nodes if this process dies) above the whole run: 16 min here.
  // GALERA_FORM_TIMEOUT_MS: another bound than the 300 s default (the cluster forms beside the
  // browser suite in .ci/run; a node that fails to join is started once more within it).
  cluster = await startGaleraCluster({
    maxLifetimeMs: 45 * 60_000,
    formTimeoutMs: Number(process.env.GALERA_FORM_TIMEOUT_MS) || undefined,
  })
  await cluster.rootQuery(
    1,
    `CREATE DATABASE IF NOT EXISTS \`${CLUSTER_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  )
  const urls = cluster.nodes.map((n) => (cluster as GaleraCluster).url(n.index, CLUSTER_DATABASE))
  process.env.MYSQL_URL = urls[0]
  process.env.GALERA_URLS = JSON.stringify(urls)
  process.env.TEST_DATABASES = 'mysql'
  process.env.GALERA_SOCKETS = JSON.stringify(cluster.nodes.map((n) => n.socket))
  process.env.GALERA_ROOT = cluster.root
  // The schema migrated once, on the cluster, and copied into each test file's database (as
  // `npm test` does on MariaDB, test/support/globalSetup.mjs): each migration's DDL would otherwise
  // be ordered across the three nodes again for every file. TEST_MYSQL_TEMPLATE=off: as before.
  if (process.env.TEST_MYSQL_TEMPLATE !== 'off') {
    const started = Date.now()
    process.env.TEST_MYSQL_TEMPLATE = await makeMysqlTemplate(urls[0])
    process.stdout.write(
      `\nGalera: template schema migrated in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    )
  }
  process.stdout.write(
    `\nGalera: 3 nodes synced in ${cluster.formedInSeconds.toFixed(1)} s (SQL ports 3311-3313, ${cluster.root})\n`,
  )
}

/** Stops the nodes and removes their folders. */
export async function stopClusterRun(): Promise<void> {
  const template = process.env.TEST_MYSQL_TEMPLATE
  if (template && template !== 'off') await rm(template, { force: true })
  await cluster?.stop()
  cluster = null
}
