import type { DataSource } from 'typeorm'
import type { Client } from '../../entities/Client.js'
import type { Actor } from '../core/actor.js'
import type { Language } from '../../shared/language.js'
import type { LifecycleResult } from '../lifecycle/lifecycleResult.js'
import { anonymiseClient, type AnonymiseInput } from './anonymisation.js'
import type { ErasureEntry } from './erasureMap.js'
import { gdprArchive } from './gdprArchive.js'
import { removeForGood } from './removeForGood.js'
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
  ) {
    this.retention = new Retention(dataSource, language, hostErasure)
  }

  /** The client's data as a ZIP, with a `data_exported` event. */
  archive(actor: Actor, clientId: number): Promise<{ fileName: string; zip: Uint8Array }> {
    return gdprArchive(this.dataSource, actor, clientId, this.hostErasure)
  }

  /** Anonymises one client (the number typed to confirm; forced with a reason despite open business). */
  anonymise(actor: Actor, clientId: number, input: AnonymiseInput): Promise<Client> {
    return anonymiseClient(this.dataSource, this.language, actor, clientId, input, this.hostErasure)
  }

  /**
   * Removes a soft-deleted client for good: erased by the erasure map first (unless anonymised
   * already), then the row deleted; a `removed` event with no personal data.
   */
  removeForGood(actor: Actor, clientId: number): Promise<LifecycleResult> {
    return removeForGood(this.dataSource, this.language, actor, clientId, this.hostErasure)
  }
}
