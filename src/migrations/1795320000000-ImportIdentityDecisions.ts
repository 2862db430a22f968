import { MigrationInterface, QueryRunner } from "typeorm";

/** Issue 15, part 1: the admin's choices on identity conflicts, kept on the import batch for whichever worker runs it. */
export class ImportIdentityDecisions1795320000000 implements MigrationInterface {
    name = 'ImportIdentityDecisions1795320000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`import_batches\` ADD \`identityDecisions\` text NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`import_batches\` DROP COLUMN \`identityDecisions\``);
    }

}
