import type { MigrationInterface, QueryRunner } from 'typeorm'

/** Issue 29: a client's marketing consent (in, out or never asked), when and where it was given. */
export class MarketingConsent1795510000000 implements MigrationInterface {
  name = 'MarketingConsent1795510000000'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`marketingConsent\` varchar(8) NULL`)
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`marketingConsentAt\` datetime NULL`)
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`marketingConsentSource\` varchar(16) NULL`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`marketingConsentSource\``)
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`marketingConsentAt\``)
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`marketingConsent\``)
  }
}
