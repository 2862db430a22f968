import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 24: sessions end with the account. `clients.sessionGeneration`, bumped by every change that
 * ends the client's sessions, and `client_sessions`, the host's session ids of each client.
 */
export class ClientSessions1795440000000 implements MigrationInterface {
    name = 'ClientSessions1795440000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`client_sessions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientId\` int NOT NULL, \`sessionId\` varchar(255) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_client_sessions_clientId_createdAt\` (\`clientId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`clients\` ADD \`sessionGeneration\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`client_sessions\` ADD CONSTRAINT \`FK_38e5c60e1fe71d299e352b87f2d\` FOREIGN KEY (\`clientId\`) REFERENCES \`clients\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`client_sessions\` DROP FOREIGN KEY \`FK_38e5c60e1fe71d299e352b87f2d\``);
        await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`sessionGeneration\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_sessions_clientId_createdAt\` ON \`client_sessions\``);
        await queryRunner.query(`DROP TABLE \`client_sessions\``);
    }

}
