import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: what the entities cannot declare.
// - pg_trgm GIN indexes for Chinese substring search (needs a UTF-8 ctype, e.g. the builtin C.UTF-8 locale);
// - audit_event is append-only for every database role: UPDATE and TRUNCATE always fail, and DELETE only removes
//   rows older than the retention that the purge job declares for its transaction (never fewer than 184 days).
export class TextSearchAndAuditGuard1795719480291 implements MigrationInterface {
  name = 'TextSearchAndAuditGuard1795719480291';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "idx_problem_title_trgm" ON "problem" USING gin ("title" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "idx_problem_description_trgm" ON "problem" USING gin ("description" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "idx_measure_text_trgm" ON "measure" USING gin ("text" gin_trgm_ops)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        retention_days integer := NULLIF(current_setting('zhenggai.audit_retention_days', true), '')::integer;
      BEGIN
        IF TG_OP = 'DELETE' AND retention_days IS NOT NULL AND retention_days >= 184
           AND OLD.occurred_at < now() - make_interval(days => retention_days) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_guard_rows BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_guard()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_event_guard_truncate BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_guard()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_guard_truncate ON "audit_event"`);
    await queryRunner.query(`DROP TRIGGER audit_event_guard_rows ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_guard()`);
    await queryRunner.query(`DROP INDEX "idx_measure_text_trgm"`);
    await queryRunner.query(`DROP INDEX "idx_problem_description_trgm"`);
    await queryRunner.query(`DROP INDEX "idx_problem_title_trgm"`);
  }
}
