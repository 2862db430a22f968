import { Column, Entity, Index } from 'typeorm'
import { ClientHistoryRecord } from './ClientHistoryRecord.js'

@Entity({ name: 'client_notes' })
@Index('IDX_client_notes_clientId_createdAt', ['clientId', 'createdAt'])
export class ClientNote extends ClientHistoryRecord {
  @Column({ type: 'varchar', length: 255 })
  author!: string

  @Column({ type: 'text' })
  body!: string
}
