import { MigrationInterface, QueryRunner } from "typeorm";

export class EmailOutbox1795260000000 implements MigrationInterface {
    name = 'EmailOutbox1795260000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_email_logs_status\` ON \`email_logs\``);
        await queryRunner.query(`ALTER TABLE \`email_logs\` ADD \`attempts\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`email_logs\` ADD \`nextAttemptAt\` datetime NULL`);
        await queryRunner.query(`ALTER TABLE \`email_logs\` ADD \`leaseUntil\` datetime NULL`);
        await queryRunner.query(`ALTER TABLE \`email_logs\` ADD \`claimedBy\` varchar(100) NULL`);
        await queryRunner.query(`ALTER TABLE \`email_logs\` ADD \`pendingContent\` text NULL`);
        await queryRunner.query(`CREATE INDEX \`IDX_email_logs_status_nextAttemptAt\` ON \`email_logs\` (\`status\`, \`nextAttemptAt\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_email_logs_status_nextAttemptAt\` ON \`email_logs\``);
        await queryRunner.query(`ALTER TABLE \`email_logs\` DROP COLUMN \`pendingContent\``);
        await queryRunner.query(`ALTER TABLE \`email_logs\` DROP COLUMN \`claimedBy\``);
        await queryRunner.query(`ALTER TABLE \`email_logs\` DROP COLUMN \`leaseUntil\``);
        await queryRunner.query(`ALTER TABLE \`email_logs\` DROP COLUMN \`nextAttemptAt\``);
        await queryRunner.query(`ALTER TABLE \`email_logs\` DROP COLUMN \`attempts\``);
        await queryRunner.query(`CREATE INDEX \`IDX_email_logs_status\` ON \`email_logs\` (\`status\`)`);
    }

}
