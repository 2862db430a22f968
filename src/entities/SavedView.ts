import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm'

/**
 * A saved view of a list (issue 28): a name, the list's query in its URL's own shape
 * (`{"filters.status":"active","sortBy":"lastName"}`, checked by services/views/viewParams.ts when
 * saved and again when applied), the columns shown, its owner, and shared with everyone or not.
 */
@Entity({ name: 'saved_views' })
@Index('IDX_saved_views_resource_owner', ['resource', 'owner'])
@Index('IDX_saved_views_resource_shared', ['resource', 'shared'])
export class SavedView extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Column({ type: 'varchar', length: 80 })
  name!: string

  /** The resource id of the list (`Client`). */
  @Column({ type: 'varchar', length: 32 })
  resource!: string

  /** The list's parameters as the URL carries them, one string each. */
  @Column({ type: 'simple-json' })
  params!: Record<string, string>

  /** The columns shown, in order; null: the list's own. */
  @Column({ type: 'simple-json', nullable: true })
  columns!: string[] | null

  /** The admin who saved it (their email): the only one who sees it while it is private. */
  @Column({ type: 'varchar', length: 255 })
  owner!: string

  @Column({ type: 'boolean', default: false })
  shared!: boolean

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date
}
