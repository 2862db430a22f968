import type { DataSource } from 'typeorm'
import type { ClientSettings } from '../accounts/clientSettings.js'
import type { ClientMailer } from '../mail/clientMailer.js'
import type { Language } from '../../shared/language.js'

export interface LifecycleSettings {
  /** Link templates for emails; `{token}` is replaced by the token. */
  links: { confirmEmail: string; resetPassword: string }
  /** Language of emails to clients whose locale we do not have. */
  language: Language
}

/** What every lifecycle step needs: the database, the mailer and the panel's settings. */
export interface LifecycleDeps {
  dataSource: DataSource
  mailer: ClientMailer
  /** Hashing driver and token lifetimes, as set in the panel. */
  security: ClientSettings
  settings: LifecycleSettings
}
