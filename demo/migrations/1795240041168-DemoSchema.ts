import { MigrationInterface, QueryRunner } from "typeorm";

export class DemoSchema1795240041168 implements MigrationInterface {
    name = 'DemoSchema1795240041168'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`demo_admin_users\` (\`id\` int NOT NULL AUTO_INCREMENT, \`email\` varchar(255) NOT NULL, \`role\` varchar(32) NOT NULL, \`passwordHash\` varchar(255) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_demo_admin_users_email\` (\`email\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`demo_sessions\` (\`expiredAt\` bigint NOT NULL, \`id\` varchar(255) NOT NULL, \`json\` text NOT NULL, \`destroyedAt\` datetime(6) NULL, INDEX \`IDX_demo_sessions_expiredAt\` (\`expiredAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_demo_sessions_expiredAt\` ON \`demo_sessions\``);
        await queryRunner.query(`DROP TABLE \`demo_sessions\``);
        await queryRunner.query(`DROP INDEX \`UQ_demo_admin_users_email\` ON \`demo_admin_users\``);
        await queryRunner.query(`DROP TABLE \`demo_admin_users\``);
    }

}
