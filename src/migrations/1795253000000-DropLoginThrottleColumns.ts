import type { MigrationInterface, QueryRunner } from 'typeorm'

/** The per-account login throttle gave way to the rate limiter (per email and IP, client_rate_limits). */
export class DropLoginThrottleColumns1795253000000 implements MigrationInterface {
  name = 'DropLoginThrottleColumns1795253000000'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`loginThrottledUntil\``)
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`failedLoginCount\``)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`failedLoginCount\` int NOT NULL DEFAULT '0'`)
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`loginThrottledUntil\` datetime NULL`)
  }
}
