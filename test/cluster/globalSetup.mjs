// Jest's global setup does not go through moduleNameMapper: the TypeScript harness is loaded with tsx.
import { tsImport } from 'tsx/esm/api'

export default async function globalSetup() {
  const run = await tsImport('./clusterRun.ts', import.meta.url)
  globalThis.clusterRun = run
  await run.startClusterRun()
}
