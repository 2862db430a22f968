import { MigrationInterface, QueryRunner } from "typeorm";

/** Issue 26: the panel's sessions in the database, the default store of mountClientManagement. */
export class AdminSessions1795450000000 implements MigrationInterface {
    name = 'AdminSessions1795450000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`client_admin_sessions\` (\`id\` varchar(255) NOT NULL, \`expiresAt\` bigint NOT NULL, \`data\` text NOT NULL, INDEX \`IDX_client_admin_sessions_expiresAt\` (\`expiresAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_client_admin_sessions_expiresAt\` ON \`client_admin_sessions\``);
        await queryRunner.query(`DROP TABLE \`client_admin_sessions\``);
    }

}
