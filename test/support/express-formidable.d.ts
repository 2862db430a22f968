// express-formidable ships no types: what test/bodyLimits.http.test.ts uses of it.
declare module 'express-formidable' {
  import type { RequestHandler } from 'express'

  export default function formidableMiddleware(options?: Record<string, unknown>): RequestHandler
}
