import { BaseEntity, Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'

/**
 * An admin's version of one email template in one language. Only what was edited is stored: the
 * shipped texts stay in code (src/locale/{fr,en}/emails.ts), and "back to the default" deletes
 * the row. Its history (who, when, before → after) is in the admin audit trail.
 */
@Entity({ name: 'client_email_templates' })
@Index('IDX_client_email_templates_key_language', ['templateKey', 'language'], { unique: true })
export class EmailTemplate extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Column({ type: 'varchar', length: 32 })
  templateKey!: string

  @Column({ type: 'varchar', length: 5 })
  language!: string

  @Column({ type: 'varchar', length: 255 })
  subject!: string

  @Column({ type: 'text' })
  textBody!: string

  // Optional: without it, the HTML part is built from the text.
  @Column({ type: 'text', nullable: true })
  htmlBody!: string | null

  @Column({ type: 'varchar', length: 255, nullable: true })
  updatedBy!: string | null

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date
}
