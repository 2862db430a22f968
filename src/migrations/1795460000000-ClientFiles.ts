import { MigrationInterface, QueryRunner } from "typeorm";

/** Issue 28: the files kept on a client (their bytes in a storage provider). */
export class ClientFiles1795460000000 implements MigrationInterface {
    name = 'ClientFiles1795460000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`client_files\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`storageKey\` varchar(200) NOT NULL, \`provider\` varchar(32) NOT NULL, \`originalName\` varchar(255) NOT NULL, \`size\` int NOT NULL, \`mimeType\` varchar(100) NOT NULL, \`note\` text NULL, \`visibility\` varchar(16) NOT NULL, \`uploadedBy\` varchar(255) NOT NULL, \`erasedAt\` datetime NULL, UNIQUE INDEX \`IDX_client_files_storageKey\` (\`storageKey\`), INDEX \`IDX_client_files_clientId_createdAt\` (\`clientId\`, \`createdAt\`), INDEX \`IDX_client_files_erasedAt\` (\`erasedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`client_files\` ADD CONSTRAINT \`FK_6ba77749f7fd3d2a693f304e518\` FOREIGN KEY (\`clientId\`) REFERENCES \`clients\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`client_files\` DROP FOREIGN KEY \`FK_6ba77749f7fd3d2a693f304e518\``);
        await queryRunner.query(`DROP TABLE \`client_files\``);
    }

}
