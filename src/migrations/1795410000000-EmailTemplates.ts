import { MigrationInterface, QueryRunner } from "typeorm";

/** Issue 19, part 2: the email templates an admin edited in the panel (the defaults stay in code). */
export class EmailTemplates1795410000000 implements MigrationInterface {
    name = 'EmailTemplates1795410000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`client_email_templates\` (\`id\` int NOT NULL AUTO_INCREMENT, \`templateKey\` varchar(32) NOT NULL, \`language\` varchar(5) NOT NULL, \`subject\` varchar(255) NOT NULL, \`textBody\` text NOT NULL, \`htmlBody\` text NULL, \`updatedBy\` varchar(255) NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_client_email_templates_key_language\` (\`templateKey\`, \`language\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_client_email_templates_key_language\` ON \`client_email_templates\``);
        await queryRunner.query(`DROP TABLE \`client_email_templates\``);
    }

}
