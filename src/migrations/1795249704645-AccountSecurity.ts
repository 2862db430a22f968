import { MigrationInterface, QueryRunner } from "typeorm";

export class AccountSecurity1795249704645 implements MigrationInterface {
    name = 'AccountSecurity1795249704645'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`client_settings_changes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`actor\` varchar(255) NULL, \`ip\` varchar(45) NULL, \`changes\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_client_settings_changes_createdAt\` (\`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`clients\` ADD \`twoFactorRecoveryCodes\` text NULL`);
        await queryRunner.query(`ALTER TABLE \`clients\` ADD \`twoFactorLastStep\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`clients\` ADD \`failedLoginCount\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`clients\` ADD \`loginThrottledUntil\` datetime NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`loginThrottledUntil\``);
        await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`failedLoginCount\``);
        await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`twoFactorLastStep\``);
        await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`twoFactorRecoveryCodes\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_settings_changes_createdAt\` ON \`client_settings_changes\``);
        await queryRunner.query(`DROP TABLE \`client_settings_changes\``);
    }

}
