import { MigrationInterface, QueryRunner } from "typeorm";

export class DemoHostResources1795249702731 implements MigrationInterface {
    name = 'DemoHostResources1795249702731'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`demo_invoices\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(32) NOT NULL, \`clientId\` int NULL, \`issuedOn\` date NOT NULL, \`total\` decimal(12,2) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'draft', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_demo_invoices_number\` (\`number\`), INDEX \`IDX_demo_invoices_clientId\` (\`clientId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`demo_tickets\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientId\` int NULL, \`subject\` varchar(200) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'open', \`priority\` varchar(16) NOT NULL DEFAULT 'normal', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_demo_tickets_clientId\` (\`clientId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_demo_tickets_clientId\` ON \`demo_tickets\``);
        await queryRunner.query(`DROP TABLE \`demo_tickets\``);
        await queryRunner.query(`DROP INDEX \`IDX_demo_invoices_clientId\` ON \`demo_invoices\``);
        await queryRunner.query(`DROP INDEX \`UQ_demo_invoices_number\` ON \`demo_invoices\``);
        await queryRunner.query(`DROP TABLE \`demo_invoices\``);
    }

}
