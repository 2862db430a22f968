import {
  BaseEntity,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm'
import { Client } from './Client.js'
import { Tag } from './Tag.js'

/**
 * A tag on a client: one row per (client, tag). The primary key serves "the tags of these
 * clients" (the list's chips), the (tagId, clientId) index "the clients with this tag" (the
 * list's filter). CASCADE both ways: a client removed for good, or a tag deleted, takes its links.
 */
@Entity({ name: 'client_tags' })
@Index('IDX_client_tags_tagId_clientId', ['tagId', 'clientId'])
export class ClientTag extends BaseEntity {
  @PrimaryColumn({ type: 'int' })
  clientId!: number

  @PrimaryColumn({ type: 'int' })
  tagId!: number

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Relation<Client>

  @ManyToOne(() => Tag, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tagId' })
  tag?: Relation<Tag>
}
