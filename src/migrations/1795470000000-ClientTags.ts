import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 28: `tags` (a name unique whatever its case, a colour of the fixed palette) and
 * `client_tags`, one row per tag on a client, read both ways.
 */
export class ClientTags1795470000000 implements MigrationInterface {
    name = 'ClientTags1795470000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`tags\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(40) NOT NULL, \`nameKey\` varchar(40) NOT NULL, \`colour\` varchar(16) NOT NULL DEFAULT 'grey', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`createdBy\` varchar(255) NULL, UNIQUE INDEX \`IDX_tags_nameKey\` (\`nameKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`client_tags\` (\`clientId\` int NOT NULL, \`tagId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_client_tags_tagId_clientId\` (\`tagId\`, \`clientId\`), PRIMARY KEY (\`clientId\`, \`tagId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`client_tags\` ADD CONSTRAINT \`FK_e5db6595d44586e8feb455b0e05\` FOREIGN KEY (\`clientId\`) REFERENCES \`clients\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`client_tags\` ADD CONSTRAINT \`FK_791b5674da2aed22b0096ff9449\` FOREIGN KEY (\`tagId\`) REFERENCES \`tags\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`client_tags\` DROP FOREIGN KEY \`FK_791b5674da2aed22b0096ff9449\``);
        await queryRunner.query(`ALTER TABLE \`client_tags\` DROP FOREIGN KEY \`FK_e5db6595d44586e8feb455b0e05\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_tags_tagId_clientId\` ON \`client_tags\``);
        await queryRunner.query(`DROP TABLE \`client_tags\``);
        await queryRunner.query(`DROP INDEX \`IDX_tags_nameKey\` ON \`tags\``);
        await queryRunner.query(`DROP TABLE \`tags\``);
    }

}
