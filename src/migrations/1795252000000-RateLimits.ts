import { MigrationInterface, QueryRunner } from "typeorm";

export class RateLimits1795252000000 implements MigrationInterface {
    name = 'RateLimits1795252000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`client_rate_limits\` (\`key\` varchar(64) NOT NULL, \`count\` int NOT NULL DEFAULT '0', \`windowStart\` bigint NOT NULL, \`expiresAt\` bigint NOT NULL, INDEX \`IDX_client_rate_limits_expiresAt\` (\`expiresAt\`), PRIMARY KEY (\`key\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_client_rate_limits_expiresAt\` ON \`client_rate_limits\``);
        await queryRunner.query(`DROP TABLE \`client_rate_limits\``);
    }

}
