/** Why an import batch cannot be undone; `importUndoRefused` is the notice the panel shows. */
export type ImportUndoRefusal = 'notFound' | 'queued' | 'running' | 'undone'

/** The batch cannot be undone (missing, queued or running, already undone): nothing was changed. */
export class ImportUndoRefused extends Error {
  constructor(readonly reason: ImportUndoRefusal) {
    super(`undo refused: ${reason}`)
    this.name = 'ImportUndoRefused'
  }
}
