import { MigrationInterface, QueryRunner } from "typeorm";

export class CommissionImport1795245138169 implements MigrationInterface {
    name = 'CommissionImport1795245138169'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`import_batches\` (\`id\` int NOT NULL AUTO_INCREMENT, \`fileName\` varchar(255) NOT NULL, \`actor\` varchar(255) NULL, \`status\` varchar(16) NOT NULL DEFAULT 'running', \`rowsRead\` int NOT NULL DEFAULT '0', \`rowsImported\` int NOT NULL DEFAULT '0', \`rowsFailed\` int NOT NULL DEFAULT '0', \`commissionsCreated\` int NOT NULL DEFAULT '0', \`clientsCreated\` int NOT NULL DEFAULT '0', \`clientsMatched\` int NOT NULL DEFAULT '0', \`contractsCreated\` int NOT NULL DEFAULT '0', \`errors\` text NULL, \`mapping\` text NULL, \`failure\` text NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`finishedAt\` datetime NULL, \`undoneAt\` datetime NULL, \`undoneBy\` varchar(255) NULL, INDEX \`IDX_import_batches_status\` (\`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`clients\` ADD \`importBatchId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`contracts\` ADD \`importBatchId\` int NULL`);
        await queryRunner.query(`CREATE INDEX \`IDX_clients_importBatchId\` ON \`clients\` (\`importBatchId\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_contracts_importBatchId\` ON \`contracts\` (\`importBatchId\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_contracts_importBatchId\` ON \`contracts\``);
        await queryRunner.query(`DROP INDEX \`IDX_clients_importBatchId\` ON \`clients\``);
        await queryRunner.query(`ALTER TABLE \`contracts\` DROP COLUMN \`importBatchId\``);
        await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`importBatchId\``);
        await queryRunner.query(`DROP INDEX \`IDX_import_batches_status\` ON \`import_batches\``);
        await queryRunner.query(`DROP TABLE \`import_batches\``);
    }

}
