import {
  BaseEntity,
  BeforeInsert,
  BeforeUpdate,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm'
import { Advisor } from './Advisor.js'
import { decimalString, type ClientStatus, type ConsentSource, type MarketingConsent } from './columns.js'
import { generateClientNumber, normalizeEmail } from '../shared/clientIdentity.js'
import { contactSearchColumns, searchColumnsFor } from '../shared/searchText.js'

@Entity({ name: 'clients' })
@Index('IDX_clients_status_lastName', ['status', 'lastName'])
// The list's orders (name, creation) with the id as tie-break and the status to filter on, all in
// the index: a deep page is a scan of this index alone (the deferred join in clientList.ts).
@Index('IDX_clients_lastName_id_status', ['lastName', 'id', 'status'])
@Index('IDX_clients_createdAt_id_status', ['createdAt', 'id', 'status'])
export class Client extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Index('UQ_clients_clientNumber', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  clientNumber!: string

  @Column({ type: 'varchar', length: 100 })
  lastName!: string

  @Column({ type: 'varchar', length: 100, nullable: true })
  firstName!: string | null

  // Unique but optional: clients created by a commission import may have no email yet.
  @Index('UQ_clients_email', { unique: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  email!: string | null

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null

  @Column({ type: 'varchar', length: 255, nullable: true })
  addressLine1!: string | null

  @Column({ type: 'varchar', length: 255, nullable: true })
  addressLine2!: string | null

  @Column({ type: 'varchar', length: 20, nullable: true })
  postalCode!: string | null

  @Column({ type: 'varchar', length: 100, nullable: true })
  city!: string | null

  // ISO 3166-1 alpha-2
  @Column({ type: 'varchar', length: 2, nullable: true })
  country!: string | null

  @Column({ type: 'varchar', length: 5, default: 'fr' })
  locale!: string

  // Filtering by status uses IDX_clients_status_lastName (status first).
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: ClientStatus

  @Column({ type: 'text', nullable: true })
  statusReason!: string | null

  @Column({ type: 'datetime', nullable: true })
  emailConfirmedAt!: Date | null

  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash?: string | null

  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  twoFactorSecret?: string | null

  @Column({ type: 'datetime', nullable: true })
  twoFactorEnabledAt!: Date | null

  /** SHA-256 of each unused 2FA recovery code, as a JSON array; shown to the client once. */
  @Column({ type: 'simple-json', nullable: true, select: false })
  twoFactorRecoveryCodes?: string[] | null

  /** The TOTP time step of the last code accepted: a code is never accepted twice. */
  @Column({ type: 'int', nullable: true, select: false })
  twoFactorLastStep?: number | null

  @Column({ type: 'decimal', precision: 12, scale: 2, default: 0, transformer: decimalString(2) })
  balance!: string

  @Index('IDX_clients_advisorId')
  @Column({ type: 'int', nullable: true })
  advisorId!: number | null

  @ManyToOne(() => Advisor, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'advisorId' })
  advisor?: Relation<Advisor> | null

  @Column({ type: 'varchar', length: 64, nullable: true })
  stripeCustomerId!: string | null

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt!: Date | null

  @Column({ type: 'varchar', length: 45, nullable: true })
  lastLoginIp!: string | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date

  // A plain column, not TypeORM's @DeleteDateColumn: soft-deleted clients must stay findable by the panel.
  @Column({ type: 'datetime', nullable: true })
  deletedAt!: Date | null

  @VersionColumn({ type: 'int' })
  version!: number

  // Set when this client was merged into another (and soft-deleted): the one that holds its data now.
  @Column({ type: 'int', nullable: true })
  mergedIntoId!: number | null

  // Set when the client was anonymised (GDPR erasure): its identity is gone for good.
  @Column({ type: 'datetime', nullable: true })
  anonymisedAt!: Date | null

  // Marketing consent (issue 29): `in`, `out` or null (never asked), when and where it was given.
  // Campaigns skip `out`; lifecycle and account emails ignore it.
  @Column({ type: 'varchar', length: 8, nullable: true })
  marketingConsent!: MarketingConsent | null

  @Column({ type: 'datetime', nullable: true })
  marketingConsentAt!: Date | null

  @Column({ type: 'varchar', length: 16, nullable: true })
  marketingConsentSource!: ConsentSource | null

  /**
   * Bumped, in the same transaction, by every change that ends the client's sessions (ban,
   * suspension, soft delete, anonymisation, a password set by an admin or a reset link, 2FA
   * removed): a client-area or impersonation session opened under another value is refused on
   * every instance (services/core/clientSessions.ts).
   */
  @Column({ type: 'int', default: 0, select: false })
  sessionGeneration?: number

  // The commission import that created this client (undoing it removes the client if unused).
  @Index('IDX_clients_importBatchId')
  @Column({ type: 'int', nullable: true })
  importBatchId!: number | null

  // Search columns, kept by the listeners below from the name (see shared/searchText.ts);
  // only queries read them, so records (and the panel's JSON) leave them out.
  @Index('IDX_clients_searchName')
  @Column({ type: 'varchar', length: 220, nullable: true, select: false })
  searchName?: string | null

  @Index('IDX_clients_searchNameReversed')
  @Column({ type: 'varchar', length: 220, nullable: true, select: false })
  searchNameReversed?: string | null

  @Index('IDX_clients_searchNameTail')
  @Column({ type: 'varchar', length: 220, nullable: true, select: false })
  searchNameTail?: string | null

  // A phone's national number (digits only) and an email's domain: `06 12…`, `+33 6 12…` and
  // `@acme.fr` are prefixes of an index too.
  @Index('IDX_clients_searchPhone')
  @Column({ type: 'varchar', length: 20, nullable: true, select: false })
  searchPhone?: string | null

  @Index('IDX_clients_searchEmailDomain')
  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  searchEmailDomain?: string | null

  @BeforeInsert()
  protected fillIdentity(): void {
    if (!this.clientNumber || !String(this.clientNumber).trim()) this.clientNumber = generateClientNumber()
    this.normalize()
  }

  @BeforeUpdate()
  protected normalize(): void {
    if (this.clientNumber) this.clientNumber = String(this.clientNumber).trim().toUpperCase()
    if (this.email !== undefined) this.email = normalizeEmail(this.email)
    if (this.lastName !== undefined) Object.assign(this, searchColumnsFor(this.lastName, this.firstName))
    if (this.phone !== undefined || this.email !== undefined) {
      const columns = contactSearchColumns(this.phone, this.country, this.email)
      if (this.phone !== undefined) this.searchPhone = columns.searchPhone
      if (this.email !== undefined) this.searchEmailDomain = columns.searchEmailDomain
    }
  }
}
