import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795240025712 implements MigrationInterface {
    name = 'InitialSchema1795240025712'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`advisors\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(32) NOT NULL, \`lastName\` varchar(100) NOT NULL, \`firstName\` varchar(100) NULL, \`email\` varchar(255) NULL, \`phone\` varchar(40) NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_advisors_code\` (\`code\`), INDEX \`IDX_advisors_lastName\` (\`lastName\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`clients\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientNumber\` varchar(32) NOT NULL, \`lastName\` varchar(100) NOT NULL, \`firstName\` varchar(100) NULL, \`email\` varchar(255) NULL, \`phone\` varchar(40) NULL, \`addressLine1\` varchar(255) NULL, \`addressLine2\` varchar(255) NULL, \`postalCode\` varchar(20) NULL, \`city\` varchar(100) NULL, \`country\` varchar(2) NULL, \`locale\` varchar(5) NOT NULL DEFAULT 'fr', \`status\` varchar(16) NOT NULL DEFAULT 'pending', \`statusReason\` text NULL, \`emailConfirmedAt\` datetime NULL, \`passwordHash\` varchar(255) NULL, \`twoFactorSecret\` varchar(255) NULL, \`twoFactorEnabledAt\` datetime NULL, \`balance\` decimal(12,2) NOT NULL DEFAULT '0.00', \`advisorId\` int NULL, \`stripeCustomerId\` varchar(64) NULL, \`lastLoginAt\` datetime NULL, \`lastLoginIp\` varchar(45) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`deletedAt\` datetime NULL, \`version\` int NOT NULL, UNIQUE INDEX \`UQ_clients_clientNumber\` (\`clientNumber\`), INDEX \`IDX_clients_lastName\` (\`lastName\`), UNIQUE INDEX \`UQ_clients_email\` (\`email\`), INDEX \`IDX_clients_advisorId\` (\`advisorId\`), INDEX \`IDX_clients_createdAt\` (\`createdAt\`), INDEX \`IDX_clients_status_lastName\` (\`status\`, \`lastName\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`client_events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientId\` int NULL, \`type\` varchar(40) NOT NULL, \`actorType\` varchar(16) NOT NULL, \`actor\` varchar(255) NULL, \`ip\` varchar(45) NULL, \`reason\` text NULL, \`changes\` text NULL, \`data\` text NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_client_events_type\` (\`type\`), INDEX \`IDX_client_events_createdAt\` (\`createdAt\`), INDEX \`IDX_client_events_clientId_createdAt\` (\`clientId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`client_notes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientId\` int NULL, \`author\` varchar(255) NOT NULL, \`body\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_client_notes_clientId_createdAt\` (\`clientId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`client_tokens\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientId\` int NOT NULL, \`purpose\` varchar(32) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`expiresAt\` datetime NOT NULL, \`usedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_client_tokens_clientId\` (\`clientId\`), UNIQUE INDEX \`UQ_client_tokens_tokenHash\` (\`tokenHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`contracts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`reference\` varchar(64) NOT NULL, \`clientId\` int NULL, \`advisorId\` int NULL, \`product\` varchar(120) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'active', \`startDate\` date NULL, \`endDate\` date NULL, \`premium\` decimal(12,2) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_contracts_reference\` (\`reference\`), INDEX \`IDX_contracts_advisorId\` (\`advisorId\`), INDEX \`IDX_contracts_status\` (\`status\`), INDEX \`IDX_contracts_clientId_status\` (\`clientId\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`commissions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`contractId\` int NULL, \`clientId\` int NULL, \`advisorId\` int NULL, \`amount\` decimal(12,2) NOT NULL, \`rate\` decimal(7,4) NULL, \`period\` date NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'pending', \`importBatchId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_commissions_contractId\` (\`contractId\`), INDEX \`IDX_commissions_period\` (\`period\`), INDEX \`IDX_commissions_status\` (\`status\`), INDEX \`IDX_commissions_importBatchId\` (\`importBatchId\`), INDEX \`IDX_commissions_advisorId_period\` (\`advisorId\`, \`period\`), INDEX \`IDX_commissions_clientId_period\` (\`clientId\`, \`period\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`email_logs\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientId\` int NULL, \`to\` varchar(255) NOT NULL, \`subject\` varchar(255) NOT NULL, \`template\` varchar(64) NULL, \`body\` text NOT NULL, \`status\` varchar(16) NOT NULL, \`error\` text NULL, \`messageId\` varchar(255) NULL, \`actor\` varchar(255) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_email_logs_status\` (\`status\`), INDEX \`IDX_email_logs_createdAt\` (\`createdAt\`), INDEX \`IDX_email_logs_clientId_createdAt\` (\`clientId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`client_settings\` (\`key\` varchar(64) NOT NULL, \`value\` text NOT NULL, \`updatedBy\` varchar(255) NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`key\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`clients\` ADD CONSTRAINT \`FK_84b2709ead40813e2ae5d2877c7\` FOREIGN KEY (\`advisorId\`) REFERENCES \`advisors\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`client_events\` ADD CONSTRAINT \`FK_7a9fae9d753e6889c9ec8c5cb4c\` FOREIGN KEY (\`clientId\`) REFERENCES \`clients\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`client_notes\` ADD CONSTRAINT \`FK_4326d3a359321921d78fe82a142\` FOREIGN KEY (\`clientId\`) REFERENCES \`clients\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`client_tokens\` ADD CONSTRAINT \`FK_af58842735dd8dc2b6a02ad9c85\` FOREIGN KEY (\`clientId\`) REFERENCES \`clients\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`contracts\` ADD CONSTRAINT \`FK_62a5163bebb9d95e503b01c0fb0\` FOREIGN KEY (\`clientId\`) REFERENCES \`clients\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`contracts\` ADD CONSTRAINT \`FK_74a24ce642046f965c298985b82\` FOREIGN KEY (\`advisorId\`) REFERENCES \`advisors\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`commissions\` ADD CONSTRAINT \`FK_53ecb322c3873c2eead20a3ce1c\` FOREIGN KEY (\`contractId\`) REFERENCES \`contracts\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`commissions\` ADD CONSTRAINT \`FK_b60f21d806082b705f6687e6a20\` FOREIGN KEY (\`clientId\`) REFERENCES \`clients\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`commissions\` ADD CONSTRAINT \`FK_8de1435f395e967afc47a1f94f4\` FOREIGN KEY (\`advisorId\`) REFERENCES \`advisors\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`email_logs\` ADD CONSTRAINT \`FK_8143f57b5bdee754fe9dbd4250f\` FOREIGN KEY (\`clientId\`) REFERENCES \`clients\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`email_logs\` DROP FOREIGN KEY \`FK_8143f57b5bdee754fe9dbd4250f\``);
        await queryRunner.query(`ALTER TABLE \`commissions\` DROP FOREIGN KEY \`FK_8de1435f395e967afc47a1f94f4\``);
        await queryRunner.query(`ALTER TABLE \`commissions\` DROP FOREIGN KEY \`FK_b60f21d806082b705f6687e6a20\``);
        await queryRunner.query(`ALTER TABLE \`commissions\` DROP FOREIGN KEY \`FK_53ecb322c3873c2eead20a3ce1c\``);
        await queryRunner.query(`ALTER TABLE \`contracts\` DROP FOREIGN KEY \`FK_74a24ce642046f965c298985b82\``);
        await queryRunner.query(`ALTER TABLE \`contracts\` DROP FOREIGN KEY \`FK_62a5163bebb9d95e503b01c0fb0\``);
        await queryRunner.query(`ALTER TABLE \`client_tokens\` DROP FOREIGN KEY \`FK_af58842735dd8dc2b6a02ad9c85\``);
        await queryRunner.query(`ALTER TABLE \`client_notes\` DROP FOREIGN KEY \`FK_4326d3a359321921d78fe82a142\``);
        await queryRunner.query(`ALTER TABLE \`client_events\` DROP FOREIGN KEY \`FK_7a9fae9d753e6889c9ec8c5cb4c\``);
        await queryRunner.query(`ALTER TABLE \`clients\` DROP FOREIGN KEY \`FK_84b2709ead40813e2ae5d2877c7\``);
        await queryRunner.query(`DROP TABLE \`client_settings\``);
        await queryRunner.query(`DROP INDEX \`IDX_email_logs_clientId_createdAt\` ON \`email_logs\``);
        await queryRunner.query(`DROP INDEX \`IDX_email_logs_createdAt\` ON \`email_logs\``);
        await queryRunner.query(`DROP INDEX \`IDX_email_logs_status\` ON \`email_logs\``);
        await queryRunner.query(`DROP TABLE \`email_logs\``);
        await queryRunner.query(`DROP INDEX \`IDX_commissions_clientId_period\` ON \`commissions\``);
        await queryRunner.query(`DROP INDEX \`IDX_commissions_advisorId_period\` ON \`commissions\``);
        await queryRunner.query(`DROP INDEX \`IDX_commissions_importBatchId\` ON \`commissions\``);
        await queryRunner.query(`DROP INDEX \`IDX_commissions_status\` ON \`commissions\``);
        await queryRunner.query(`DROP INDEX \`IDX_commissions_period\` ON \`commissions\``);
        await queryRunner.query(`DROP INDEX \`IDX_commissions_contractId\` ON \`commissions\``);
        await queryRunner.query(`DROP TABLE \`commissions\``);
        await queryRunner.query(`DROP INDEX \`IDX_contracts_clientId_status\` ON \`contracts\``);
        await queryRunner.query(`DROP INDEX \`IDX_contracts_status\` ON \`contracts\``);
        await queryRunner.query(`DROP INDEX \`IDX_contracts_advisorId\` ON \`contracts\``);
        await queryRunner.query(`DROP INDEX \`UQ_contracts_reference\` ON \`contracts\``);
        await queryRunner.query(`DROP TABLE \`contracts\``);
        await queryRunner.query(`DROP INDEX \`UQ_client_tokens_tokenHash\` ON \`client_tokens\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_tokens_clientId\` ON \`client_tokens\``);
        await queryRunner.query(`DROP TABLE \`client_tokens\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_notes_clientId_createdAt\` ON \`client_notes\``);
        await queryRunner.query(`DROP TABLE \`client_notes\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_events_clientId_createdAt\` ON \`client_events\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_events_createdAt\` ON \`client_events\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_events_type\` ON \`client_events\``);
        await queryRunner.query(`DROP TABLE \`client_events\``);
        await queryRunner.query(`DROP INDEX \`IDX_clients_status_lastName\` ON \`clients\``);
        await queryRunner.query(`DROP INDEX \`IDX_clients_createdAt\` ON \`clients\``);
        await queryRunner.query(`DROP INDEX \`IDX_clients_advisorId\` ON \`clients\``);
        await queryRunner.query(`DROP INDEX \`UQ_clients_email\` ON \`clients\``);
        await queryRunner.query(`DROP INDEX \`IDX_clients_lastName\` ON \`clients\``);
        await queryRunner.query(`DROP INDEX \`UQ_clients_clientNumber\` ON \`clients\``);
        await queryRunner.query(`DROP TABLE \`clients\``);
        await queryRunner.query(`DROP INDEX \`IDX_advisors_lastName\` ON \`advisors\``);
        await queryRunner.query(`DROP INDEX \`UQ_advisors_code\` ON \`advisors\``);
        await queryRunner.query(`DROP TABLE \`advisors\``);
    }

}
