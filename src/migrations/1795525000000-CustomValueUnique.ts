import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Issue 28: "unique" held by the database too. `uniqueValue` is filled only for the fields marked
 * unique (the value as compared: the text's key, the number with four decimals, the day), and
 * UNIQUE(fieldId, uniqueValue) lets one of two instances writing the same value at once win (NULLs
 * never clash). The values already held by unique fields are filled in here.
 */
export class CustomValueUnique1795525000000 implements MigrationInterface {
  name = 'CustomValueUnique1795525000000'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`client_custom_values\` ADD \`uniqueValue\` varchar(191) NULL`)
    await queryRunner.query(
      `UPDATE \`client_custom_values\` v INNER JOIN \`custom_fields\` f ON f.\`id\` = v.\`fieldId\` SET v.\`uniqueValue\` = COALESCE(v.\`textKey\`, CAST(v.\`numberValue\` AS CHAR), CAST(v.\`dateValue\` AS CHAR)) WHERE f.\`isUnique\` = 1`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX \`IDX_client_custom_values_field_unique\` ON \`client_custom_values\` (\`fieldId\`, \`uniqueValue\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_client_custom_values_field_unique\` ON \`client_custom_values\``)
    await queryRunner.query(`ALTER TABLE \`client_custom_values\` DROP COLUMN \`uniqueValue\``)
  }
}
