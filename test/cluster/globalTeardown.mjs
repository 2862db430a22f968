export default async function globalTeardown() {
  await globalThis.clusterRun?.stopClusterRun()
}
