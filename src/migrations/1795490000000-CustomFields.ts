import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 28: `custom_fields` (the definitions the firm makes in the panel) and
 * `client_custom_values`, the clients' values typed by column, indexed per field for the list's
 * filters (README, "Custom fields").
 */
export class CustomFields1795490000000 implements MigrationInterface {
    name = 'CustomFields1795490000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`custom_fields\` (\`id\` int NOT NULL AUTO_INCREMENT, \`key\` varchar(40) NOT NULL, \`type\` varchar(16) NOT NULL, \`labelFr\` varchar(100) NOT NULL, \`labelEn\` varchar(100) NOT NULL, \`required\` tinyint NOT NULL DEFAULT 0, \`isUnique\` tinyint NOT NULL DEFAULT 0, \`defaultValue\` varchar(255) NULL, \`pattern\` varchar(200) NULL, \`choices\` text NULL, \`position\` int NOT NULL DEFAULT '0', \`personal\` tinyint NOT NULL DEFAULT 0, \`searchable\` tinyint NOT NULL DEFAULT 0, \`visibility\` varchar(16) NOT NULL DEFAULT 'everyone', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`createdBy\` varchar(255) NULL, \`removedAt\` datetime NULL, UNIQUE INDEX \`IDX_custom_fields_key\` (\`key\`), INDEX \`IDX_custom_fields_removedAt\` (\`removedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`client_custom_values\` (\`clientId\` int NOT NULL, \`fieldId\` int NOT NULL, \`ordinal\` smallint NOT NULL DEFAULT '0', \`textValue\` text NULL, \`textKey\` varchar(191) NULL, \`numberValue\` decimal(19,4) NULL, \`dateValue\` date NULL, INDEX \`IDX_client_custom_values_field_date\` (\`fieldId\`, \`dateValue\`), INDEX \`IDX_client_custom_values_field_number\` (\`fieldId\`, \`numberValue\`), INDEX \`IDX_client_custom_values_field_text\` (\`fieldId\`, \`textKey\`), PRIMARY KEY (\`clientId\`, \`fieldId\`, \`ordinal\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`client_custom_values\` ADD CONSTRAINT \`FK_62b7476c6ac7e69695aa43106f5\` FOREIGN KEY (\`clientId\`) REFERENCES \`clients\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`client_custom_values\` ADD CONSTRAINT \`FK_3d10f0902e7a12e2cd0c228fcdf\` FOREIGN KEY (\`fieldId\`) REFERENCES \`custom_fields\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`client_custom_values\` DROP FOREIGN KEY \`FK_3d10f0902e7a12e2cd0c228fcdf\``);
        await queryRunner.query(`ALTER TABLE \`client_custom_values\` DROP FOREIGN KEY \`FK_62b7476c6ac7e69695aa43106f5\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_custom_values_field_text\` ON \`client_custom_values\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_custom_values_field_number\` ON \`client_custom_values\``);
        await queryRunner.query(`DROP INDEX \`IDX_client_custom_values_field_date\` ON \`client_custom_values\``);
        await queryRunner.query(`DROP TABLE \`client_custom_values\``);
        await queryRunner.query(`DROP INDEX \`IDX_custom_fields_removedAt\` ON \`custom_fields\``);
        await queryRunner.query(`DROP INDEX \`IDX_custom_fields_key\` ON \`custom_fields\``);
        await queryRunner.query(`DROP TABLE \`custom_fields\``);
    }

}
