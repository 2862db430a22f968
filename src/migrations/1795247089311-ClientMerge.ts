import { MigrationInterface, QueryRunner } from "typeorm";

export class ClientMerge1795247089311 implements MigrationInterface {
    name = 'ClientMerge1795247089311'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`clients\` ADD \`mergedIntoId\` int NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`mergedIntoId\``);
    }

}
