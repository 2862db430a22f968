import { MigrationInterface, QueryRunner } from "typeorm";

/** Issue 14: uploads kept in the database in pieces, and import batches as jobs with a lease. */
export class ImportJobs1795270000000 implements MigrationInterface {
    name = 'ImportJobs1795270000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`import_uploads\` (\`id\` varchar(32) NOT NULL, \`fileName\` varchar(255) NOT NULL, \`size\` int NOT NULL, \`chunkCount\` int NOT NULL DEFAULT '0', \`layout\` text NULL, \`batchId\` int NULL, \`storedAt\` bigint NULL, \`createdAt\` bigint NOT NULL, INDEX \`IDX_import_uploads_createdAt\` (\`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`import_upload_chunks\` (\`uploadId\` varchar(32) NOT NULL, \`seq\` int NOT NULL, \`data\` blob NOT NULL, PRIMARY KEY (\`uploadId\`, \`seq\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`import_batches\` ADD \`actorIp\` varchar(45) NULL`);
        await queryRunner.query(`ALTER TABLE \`import_batches\` ADD \`uploadId\` varchar(32) NULL`);
        await queryRunner.query(`ALTER TABLE \`import_batches\` ADD \`leaseOwner\` varchar(64) NULL`);
        await queryRunner.query(`ALTER TABLE \`import_batches\` ADD \`leaseUntil\` bigint NULL`);
        await queryRunner.query(`ALTER TABLE \`import_batches\` ADD \`heartbeatAt\` bigint NULL`);
        await queryRunner.query(`ALTER TABLE \`import_batches\` ADD \`attempts\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`import_batches\` ADD \`chunksDone\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`import_batches\` ADD \`matches\` text NULL`);
        await queryRunner.query(`ALTER TABLE \`import_batches\` CHANGE \`status\` \`status\` varchar(16) NOT NULL DEFAULT 'queued'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`import_batches\` CHANGE \`status\` \`status\` varchar(16) NOT NULL DEFAULT 'running'`);
        await queryRunner.query(`ALTER TABLE \`import_batches\` DROP COLUMN \`matches\``);
        await queryRunner.query(`ALTER TABLE \`import_batches\` DROP COLUMN \`chunksDone\``);
        await queryRunner.query(`ALTER TABLE \`import_batches\` DROP COLUMN \`attempts\``);
        await queryRunner.query(`ALTER TABLE \`import_batches\` DROP COLUMN \`heartbeatAt\``);
        await queryRunner.query(`ALTER TABLE \`import_batches\` DROP COLUMN \`leaseUntil\``);
        await queryRunner.query(`ALTER TABLE \`import_batches\` DROP COLUMN \`leaseOwner\``);
        await queryRunner.query(`ALTER TABLE \`import_batches\` DROP COLUMN \`uploadId\``);
        await queryRunner.query(`ALTER TABLE \`import_batches\` DROP COLUMN \`actorIp\``);
        await queryRunner.query(`DROP TABLE \`import_upload_chunks\``);
        await queryRunner.query(`DROP INDEX \`IDX_import_uploads_createdAt\` ON \`import_uploads\``);
        await queryRunner.query(`DROP TABLE \`import_uploads\``);
    }

}
