import { BaseEntity, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm'
import { SavedView } from './SavedView.js'

/**
 * The view an admin's list opens with when no parameter is given: one per (admin, resource).
 * CASCADE: a view deleted is nobody's default any more.
 */
@Entity({ name: 'saved_view_defaults' })
export class SavedViewDefault extends BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  owner!: string

  @PrimaryColumn({ type: 'varchar', length: 32 })
  resource!: string

  @Column({ type: 'int' })
  viewId!: number

  @ManyToOne(() => SavedView, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'viewId' })
  view?: Relation<SavedView>
}
