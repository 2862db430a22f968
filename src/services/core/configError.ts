/** Thrown at start-up with every problem of the options (or of the tables) at once. */
export class ClientManagementConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`adminjs-clients: invalid options:\n- ${problems.join('\n- ')}`)
    this.name = 'ClientManagementConfigError'
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null
