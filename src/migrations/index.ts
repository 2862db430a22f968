import { InitialSchema1795240025712 } from './1795240025712-InitialSchema.js'

// MySQL/MariaDB migrations, oldest first. SQLite hosts may use `synchronize` instead.
export const clientManagementMigrations = [InitialSchema1795240025712]
