import { DemoSchema1795240041168 } from './1795240041168-DemoSchema.js'

// The demo's own tables on MySQL/MariaDB (panel users, sessions), after the plugin's migrations.
export const demoMigrations = [DemoSchema1795240041168]
