import { MigrationInterface, QueryRunner } from "typeorm";

/** Issue 19, part 1: an impersonation link remembers the admin who asked for it. */
export class Impersonation1795400000000 implements MigrationInterface {
    name = 'Impersonation1795400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`client_tokens\` ADD \`issuedBy\` varchar(255) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`client_tokens\` DROP COLUMN \`issuedBy\``);
    }

}
