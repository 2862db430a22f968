import type { DataSource } from 'typeorm'
import type { Client } from '../../entities/Client.js'
import type { Actor } from '../core/requestValues.js'
import type { Language } from '../../shared/language.js'
import type { LifecycleResult } from '../lifecycle/statusTransitions.js'
import { anonymiseClient, type AnonymiseInput } from './anonymisation.js'
import type { ErasureEntry } from './erasureMap.js'
import { gdprArchive } from './gdprArchive.js'
import { removeForGood } from './removeForGood.js'
import { purgeAfterErasure, type ErasedFilePurge } from './eraseFiles.js'
import { Retention } from './retention.js'

/**
 * What the GDPR asks of a client's data, in one place: the archive of everything kept about a
 * client (access, portability), its anonymisation (erasure, irreversible), its removal for good
 * (erased first, then the row deleted), and retention (anonymising clients inactive for a set time). The panel's actions and the CLI call it.
 */
export class ClientGdpr {
  readonly retention: Retention

  constructor(
    private readonly dataSource: DataSource,
    private readonly language: Language,
    /** The host's own tables of the erasure map (the `erasure` option). */
    private readonly hostErasure: readonly ErasureEntry[] = [],
    /** The clients' files: in the archive, and their objects deleted after an erasure. */
    private readonly files?: ErasedFilePurge,
  ) {
    this.retention = new Retention(dataSource, language, hostErasure, files)
  }

  /** The client's data as a ZIP, with a `data_exported` event. */
  archive(actor: Actor, clientId: number): Promise<{ fileName: string; zip: Uint8Array }> {
    return gdprArchive(this.dataSource, actor, clientId, this.hostErasure, this.files)
  }

  /** Anonymises one client (the number typed to confirm; forced with a reason despite open business). */
  async anonymise(actor: Actor, clientId: number, input: AnonymiseInput): Promise<Client> {
    const client = await anonymiseClient(
      this.dataSource,
      this.language,
      actor,
      clientId,
      input,
      this.hostErasure,
    )
    await purgeAfterErasure(this.files)
    return client
  }

  /**
   * Removes a soft-deleted client for good: erased by the erasure map first (unless anonymised
   * already), then the row deleted; a `removed` event with no personal data.
   */
  async removeForGood(actor: Actor, clientId: number): Promise<LifecycleResult> {
    const result = await removeForGood(this.dataSource, this.language, actor, clientId, this.hostErasure)
    await purgeAfterErasure(this.files)
    return result
  }
}
