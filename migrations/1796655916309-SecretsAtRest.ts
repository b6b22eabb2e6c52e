import { MigrationInterface, QueryRunner } from 'typeorm';

// Secrets at rest: TOTP and webhook secrets are stored sealed (AES-256-GCM, `v1:…`), longer than the plain values.
// The columns are widened in place (no drop: the values stay). A migration has no key, so it cannot seal: the app
// seals plain values at boot (secrets:migrate, see docs/architecture.md "Secrets at rest").
export class SecretsAtRest1796655916309 implements MigrationInterface {
  name = 'SecretsAtRest1796655916309';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_account" ALTER COLUMN "mfa_secret" TYPE character varying(200)`);
    await queryRunner.query(`ALTER TABLE "user_account" ALTER COLUMN "mfa_pending_secret" TYPE character varying(200)`);
    await queryRunner.query(`ALTER TABLE "webhook" ALTER COLUMN "secret" TYPE character varying(1000)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // the earlier code reads plain values only, and nothing here can open a sealed one: refuse rather than lose them
    const [{ sealed }] = await queryRunner.query(
      `SELECT (SELECT count(*) FROM user_account WHERE mfa_secret LIKE 'v1:%' OR mfa_pending_secret LIKE 'v1:%')
            + (SELECT count(*) FROM webhook WHERE secret LIKE 'v1:%') AS sealed`,
    );
    if (Number(sealed) > 0)
      throw new Error(`SecretsAtRest down: ${sealed} secret(s) are sealed and cannot be stored in the old columns`);
    await queryRunner.query(`ALTER TABLE "webhook" ALTER COLUMN "secret" TYPE character varying(200)`);
    await queryRunner.query(`ALTER TABLE "user_account" ALTER COLUMN "mfa_pending_secret" TYPE character varying(64)`);
    await queryRunner.query(`ALTER TABLE "user_account" ALTER COLUMN "mfa_secret" TYPE character varying(64)`);
  }
}
