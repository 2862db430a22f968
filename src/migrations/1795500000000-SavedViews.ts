import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 28: `saved_views` (a list's query saved under a name, private or shared) and
 * `saved_view_defaults`, the view each admin's list opens with.
 */
export class SavedViews1795500000000 implements MigrationInterface {
    name = 'SavedViews1795500000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`saved_views\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(80) NOT NULL, \`resource\` varchar(32) NOT NULL, \`params\` text NOT NULL, \`columns\` text NULL, \`owner\` varchar(255) NOT NULL, \`shared\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_saved_views_resource_shared\` (\`resource\`, \`shared\`), INDEX \`IDX_saved_views_resource_owner\` (\`resource\`, \`owner\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`saved_view_defaults\` (\`owner\` varchar(255) NOT NULL, \`resource\` varchar(32) NOT NULL, \`viewId\` int NOT NULL, PRIMARY KEY (\`owner\`, \`resource\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`saved_view_defaults\` ADD CONSTRAINT \`FK_4b349af0d695256a172d28a5b73\` FOREIGN KEY (\`viewId\`) REFERENCES \`saved_views\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`saved_view_defaults\` DROP FOREIGN KEY \`FK_4b349af0d695256a172d28a5b73\``);
        await queryRunner.query(`DROP TABLE \`saved_view_defaults\``);
        await queryRunner.query(`DROP INDEX \`IDX_saved_views_resource_owner\` ON \`saved_views\``);
        await queryRunner.query(`DROP INDEX \`IDX_saved_views_resource_shared\` ON \`saved_views\``);
        await queryRunner.query(`DROP TABLE \`saved_views\``);
    }

}
