import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 17: `client_advisors`, the clients of each advisor (referent or any contract's advisor)
 * in name order, filled from the clients and contracts already there.
 */
export class ClientAdvisors1795430000000 implements MigrationInterface {
    name = 'ClientAdvisors1795430000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`client_advisors\` (\`advisorId\` int NOT NULL, \`clientId\` int NOT NULL, \`lastName\` varchar(100) NOT NULL, \`clientDeleted\` tinyint NOT NULL DEFAULT 0, INDEX \`IDX_client_advisors_clientId\` (\`clientId\`), INDEX \`IDX_client_advisors_advisorId_clientDeleted_lastName_clientId\` (\`advisorId\`, \`clientDeleted\`, \`lastName\`, \`clientId\`), PRIMARY KEY (\`advisorId\`, \`clientId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`client_advisors\` ADD CONSTRAINT \`FK_f6a029a5020e4c54dea10829953\` FOREIGN KEY (\`advisorId\`) REFERENCES \`advisors\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`client_advisors\` ADD CONSTRAINT \`FK_74577ff430ac5313d1537f7fe95\` FOREIGN KEY (\`clientId\`) REFERENCES \`clients\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        // The backfill: UNION drops a contract's advisor that is also the referent.
        await queryRunner.query(`INSERT INTO \`client_advisors\` (\`advisorId\`, \`clientId\`, \`lastName\`, \`clientDeleted\`)
            SELECT c.\`advisorId\`, c.\`id\`, c.\`lastName\`, c.\`status\` = 'deleted' FROM \`clients\` c WHERE c.\`advisorId\` IS NOT NULL
            UNION
            SELECT k.\`advisorId\`, c.\`id\`, c.\`lastName\`, c.\`status\` = 'deleted' FROM \`contracts\` k JOIN \`clients\` c ON c.\`id\` = k.\`clientId\` WHERE k.\`advisorId\` IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`client_advisors\` DROP FOREIGN KEY \`FK_74577ff430ac5313d1537f7fe95\``);
        await queryRunner.query(`ALTER TABLE \`client_advisors\` DROP FOREIGN KEY \`FK_f6a029a5020e4c54dea10829953\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_advisors_advisorId_clientDeleted_lastName_clientId\` ON \`client_advisors\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_advisors_clientId\` ON \`client_advisors\``);
        await queryRunner.query(`DROP TABLE \`client_advisors\``);
    }

}
