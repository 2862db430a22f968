import { AdminSession } from './AdminSession.js'
import { AdminAuditEntry } from './AdminAuditEntry.js'
import { Advisor } from './Advisor.js'
import { Client } from './Client.js'
import { ClientAdvisor } from './ClientAdvisor.js'
import { ClientEvent } from './ClientEvent.js'
import { ClientFile } from './ClientFile.js'
import { ClientNote } from './ClientNote.js'
import { ClientSession } from './ClientSession.js'
import { ClientToken } from './ClientToken.js'
import { Commission } from './Commission.js'
import { Contract } from './Contract.js'
import { EmailLog } from './EmailLog.js'
import { EmailTemplate } from './EmailTemplate.js'
import { ImportBatch } from './ImportBatch.js'
import { ImportUpload } from './ImportUpload.js'
import { ImportUploadChunk } from './ImportUploadChunk.js'
import { RateLimitCounter } from './RateLimitCounter.js'
import { Setting } from './Setting.js'
import { SettingsChange } from './SettingsChange.js'
import { Tag } from './Tag.js'
import { ClientTag } from './ClientTag.js'
import { SavedView } from './SavedView.js'
import { SavedViewDefault } from './SavedViewDefault.js'
import { CustomField } from './CustomField.js'
import { ClientCustomValue } from './ClientCustomValue.js'
import { Campaign } from './Campaign.js'
import { CampaignRecipient } from './CampaignRecipient.js'

export {
  AdminAuditEntry,
  Advisor,
  Client,
  ClientAdvisor,
  ClientEvent,
  ClientFile,
  ClientNote,
  ClientSession,
  ClientToken,
  Commission,
  Contract,
  EmailLog,
  EmailTemplate,
  ImportBatch,
  ImportUpload,
  ImportUploadChunk,
  RateLimitCounter,
  Setting,
  SettingsChange,
  Tag,
  ClientTag,
  SavedView,
  SavedViewDefault,
  CustomField,
  ClientCustomValue,
  Campaign,
  CampaignRecipient,
}
export type { FieldChange } from './ClientEvent.js'
export type { ImportRowError } from './ImportBatch.js'
export type { StoredLayout } from './ImportUpload.js'
export { AdminSession } from './AdminSession.js'
export * from './columns.js'

/** Every entity of the plugin: add them to the host's DataSource `entities`. */
export const clientManagementEntities = [
  Advisor,
  Client,
  Contract,
  Commission,
  ClientAdvisor,
  ClientEvent,
  EmailLog,
  ClientNote,
  ClientToken,
  Setting,
  SettingsChange,
  ImportBatch,
  ImportUpload,
  ImportUploadChunk,
  RateLimitCounter,
  AdminAuditEntry,
  EmailTemplate,
  ClientSession,
  AdminSession,
  ClientFile,
  Tag,
  ClientTag,
  SavedView,
  SavedViewDefault,
  CustomField,
  ClientCustomValue,
  Campaign,
  CampaignRecipient,
]
