import { DemoSchema1795240041168 } from './1795240041168-DemoSchema.js'
import { DemoHostResources1795249702731 } from './1795249702731-DemoHostResources.js'

// The demo's own tables on MySQL/MariaDB (panel users, sessions, invoices and tickets), after the plugin's migrations.
export const demoMigrations = [DemoSchema1795240041168, DemoHostResources1795249702731]
