import { MigrationInterface, QueryRunner } from "typeorm";

/** The admin audit trail (exports, retention runs) and the anonymisation date of a client. */
export class ExportAndGdpr1795300000000 implements MigrationInterface {
    name = 'ExportAndGdpr1795300000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`clients\` ADD \`anonymisedAt\` datetime NULL`);
        await queryRunner.query(`CREATE TABLE \`client_admin_audit\` (\`id\` int NOT NULL AUTO_INCREMENT, \`action\` varchar(32) NOT NULL, \`actor\` varchar(255) NULL, \`ip\` varchar(45) NULL, \`resourceId\` varchar(64) NULL, \`rowCount\` int NOT NULL DEFAULT '0', \`details\` text NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_client_admin_audit_action\` (\`action\`), INDEX \`IDX_client_admin_audit_createdAt\` (\`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_client_admin_audit_createdAt\` ON \`client_admin_audit\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_admin_audit_action\` ON \`client_admin_audit\``);
        await queryRunner.query(`DROP TABLE \`client_admin_audit\``);
        await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`anonymisedAt\``);
    }

}
