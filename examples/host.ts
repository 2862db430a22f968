// Stand-ins for what your app already has: an entity of its own and the admins' login.
import { BaseEntity, Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

@Entity({ name: 'products' })
export class Product extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ type: 'varchar', length: 120 })
  name!: string
}

/** Your admins' login: `{ email, role }` for a right password, else null. */
export declare function yourOwnAdminLogin(credentials: {
  email: string
  password: string
}): Promise<{ email: string; role: string } | null>
