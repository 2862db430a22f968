/** Where the plugin reports what an operator should know (never a secret in it). */
export interface PluginLogger {
  warn(message: string, details?: Record<string, unknown>): void
  error(message: string, details?: Record<string, unknown>): void
}
