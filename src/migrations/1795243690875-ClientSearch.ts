import type { MigrationInterface, QueryRunner } from 'typeorm'
import { backfillSearchColumns } from '../services/clientSearch.js'

/** Search columns and the list's covering indexes (issue 6); fills the search columns of existing clients. */
export class ClientSearch1795243690875 implements MigrationInterface {
  name = 'ClientSearch1795243690875'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`searchName\` varchar(220) NULL`)
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`searchNameReversed\` varchar(220) NULL`)
    await queryRunner.query(`ALTER TABLE \`clients\` ADD \`searchNameTail\` varchar(220) NULL`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_searchName\` ON \`clients\` (\`searchName\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_searchNameReversed\` ON \`clients\` (\`searchNameReversed\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_searchNameTail\` ON \`clients\` (\`searchNameTail\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_createdAt_id_status\` ON \`clients\` (\`createdAt\`, \`id\`, \`status\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_lastName_id_status\` ON \`clients\` (\`lastName\`, \`id\`, \`status\`)`)
    // Created before the old one goes: the foreign key on advisorId needs an index at all times.
    await queryRunner.query(`CREATE INDEX \`IDX_contracts_advisorId_clientId\` ON \`contracts\` (\`advisorId\`, \`clientId\`)`)
    await queryRunner.query(`DROP INDEX \`IDX_clients_lastName\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_createdAt\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_contracts_advisorId\` ON \`contracts\``)
    await backfillSearchColumns(queryRunner.manager)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_contracts_advisorId\` ON \`contracts\` (\`advisorId\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_createdAt\` ON \`clients\` (\`createdAt\`)`)
    await queryRunner.query(`CREATE INDEX \`IDX_clients_lastName\` ON \`clients\` (\`lastName\`)`)
    await queryRunner.query(`DROP INDEX \`IDX_contracts_advisorId_clientId\` ON \`contracts\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_lastName_id_status\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_createdAt_id_status\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_searchNameTail\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_searchNameReversed\` ON \`clients\``)
    await queryRunner.query(`DROP INDEX \`IDX_clients_searchName\` ON \`clients\``)
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`searchNameTail\``)
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`searchNameReversed\``)
    await queryRunner.query(`ALTER TABLE \`clients\` DROP COLUMN \`searchName\``)
  }
}
