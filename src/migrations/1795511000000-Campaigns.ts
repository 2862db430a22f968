import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Issue 29: `campaigns` (a segment of the client list, a message per language, a throttle) and
 * `campaign_recipients` (the segment frozen at the start, one row per client); an email of the
 * outbox names its campaign, and (campaign, client) is unique: nobody is mailed twice.
 */
export class Campaigns1795511000000 implements MigrationInterface {
  name = 'Campaigns1795511000000'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`campaigns\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(120) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'draft', \`segment\` text NOT NULL, \`viewId\` int NULL, \`messages\` text NOT NULL, \`templateKey\` varchar(64) NULL, \`includeUnconfirmed\` tinyint NOT NULL DEFAULT 0, \`throttlePerMinute\` int NOT NULL, \`scheduledAt\` datetime NULL, \`planCursor\` text NULL, \`plannedAt\` datetime NULL, \`recipientCount\` int NOT NULL DEFAULT '0', \`skippedCount\` int NOT NULL DEFAULT '0', \`startedAt\` datetime NULL, \`finishedAt\` datetime NULL, \`createdBy\` varchar(255) NULL, \`startedBy\` varchar(255) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_campaigns_status_scheduledAt\` (\`status\`, \`scheduledAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`campaign_recipients\` (\`campaignId\` int NOT NULL, \`clientId\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`skipReason\` varchar(16) NULL, \`releasedAt\` datetime NULL, INDEX \`IDX_campaign_recipients_campaign_released\` (\`campaignId\`, \`releasedAt\`), INDEX \`IDX_campaign_recipients_campaign_status\` (\`campaignId\`, \`status\`, \`clientId\`), PRIMARY KEY (\`campaignId\`, \`clientId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(`ALTER TABLE \`email_logs\` ADD \`campaignId\` int NULL`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX \`UQ_email_logs_campaignId_clientId\` ON \`email_logs\` (\`campaignId\`, \`clientId\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`UQ_email_logs_campaignId_clientId\` ON \`email_logs\``)
    await queryRunner.query(`ALTER TABLE \`email_logs\` DROP COLUMN \`campaignId\``)
    await queryRunner.query(`DROP TABLE \`campaign_recipients\``)
    await queryRunner.query(`DROP TABLE \`campaigns\``)
  }
}
