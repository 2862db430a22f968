import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Issue 29: a campaign's throttle counts emails sent, not released. `sentAt` is when the outbox
 * recorded an email sent; (campaignId, status, sentAt) lets a release step count its campaign's
 * unsent emails and those sent in the last minute by two ranges of one index, however large the
 * outbox.
 */
export class CampaignSendPace1795612000000 implements MigrationInterface {
  name = 'CampaignSendPace1795612000000'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`email_logs\` ADD \`sentAt\` datetime(3) NULL`)
    await queryRunner.query(
      `CREATE INDEX \`IDX_email_logs_campaign_status_sentAt\` ON \`email_logs\` (\`campaignId\`, \`status\`, \`sentAt\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_email_logs_campaign_status_sentAt\` ON \`email_logs\``)
    await queryRunner.query(`ALTER TABLE \`email_logs\` DROP COLUMN \`sentAt\``)
  }
}
