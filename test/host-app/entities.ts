// The host's own tables: nothing to do with the plugin, and one of them is called `contracts`.
import type { ISession } from 'connect-typeorm'
import {
  BaseEntity,
  Column,
  DeleteDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm'

@Entity({ name: 'products' })
export class Product extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ type: 'varchar', length: 120 })
  name!: string

  @Column({ type: 'decimal', precision: 10, scale: 2 })
  price!: string
}

@Entity({ name: 'admin_users' })
export class AdminUser extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ type: 'varchar', length: 190, unique: true })
  email!: string

  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash!: string

  @Column({ type: 'varchar', length: 20 })
  role!: string
}

/** The host's own contracts (suppliers'), on a table named like the plugin's. */
@Entity({ name: 'contracts' })
export class Contract extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ type: 'varchar', length: 120 })
  supplier!: string

  @Column({ type: 'date' })
  signedOn!: string
}

/** express-session rows (connect-typeorm): sessions shared by every instance, not MemoryStore. */
@Entity({ name: 'host_sessions' })
export class HostSession implements ISession {
  @Index()
  @Column({ type: 'bigint' })
  expiredAt = Date.now()

  @PrimaryColumn({ type: 'varchar', length: 255 })
  id = ''

  @Column({ type: 'text' })
  json = ''

  @DeleteDateColumn({ type: 'datetime' })
  destroyedAt?: Date
}

export const hostEntities = [Product, AdminUser, Contract, HostSession]
