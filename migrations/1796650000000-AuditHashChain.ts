import type { MigrationInterface, QueryRunner } from 'typeorm';

// The audit trail becomes a hash chain (docs/architecture.md, "Tamper-evident audit"):
// - seq, prev_hash and hash on audit_event, seq unique;
// - audit_event_canonical(row): the documented canonical text of a row (every column but hash), the same text the
//   verifier (apps/api/src/modules/audit/audit-chain.ts) builds;
// - a deferred constraint trigger chains each inserted row when its transaction commits, under
//   pg_advisory_xact_lock(AUDIT_CHAIN_LOCK), so concurrent writers in any number of processes never fork the chain;
// - the guard lets exactly that one update through (an unchained row gets its chain columns, content unchanged);
// - rows that exist already are chained here, in (occurred_at, id) order.
const AUDIT_CHAIN_LOCK = 7_301_001;
const GENESIS = '0'.repeat(64);

export class AuditHashChain1796650000000 implements MigrationInterface {
  name = 'AuditHashChain1796650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "seq" bigint`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "prev_hash" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "hash" character varying(64)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_audit_event_seq" ON "audit_event" ("seq") `);
    // Every element is a JSON string or null, in this order; jsonb columns as jsonb's own normalised text.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_canonical(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT '[' || string_agg(COALESCE(to_json(v)::text, 'null'), ',' ORDER BY n) || ']'
        FROM unnest(ARRAY[
          e.seq::text, e.id::text, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          e.actor_id::text, e.actor_username::text, to_jsonb(e.actor_roles)::text, e.actor_unit_id::text,
          e.ip::text, e.request_id::text, e.action::text, e.entity_type::text, e.entity_id::text, e.result::text,
          e.before::text, e.after::text, e.detail::text, e.prev_hash::text
        ]) WITH ORDINALITY AS t(v, n)
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        last_seq bigint;
        last_hash text;
        e audit_event;
      BEGIN
        PERFORM pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK});
        SELECT seq, hash INTO last_seq, last_hash FROM audit_event WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
        SELECT * INTO e FROM audit_event WHERE id = NEW.id;
        e.seq := COALESCE(last_seq, 0) + 1;
        e.prev_hash := COALESCE(last_hash, '${GENESIS}');
        e.hash := encode(sha256(convert_to(audit_event_canonical(e), 'UTF8')), 'hex');
        PERFORM set_config('zhenggai.audit_chaining', 'on', true);
        UPDATE audit_event SET seq = e.seq, prev_hash = e.prev_hash, hash = e.hash WHERE id = NEW.id;
        PERFORM set_config('zhenggai.audit_chaining', 'off', true);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_event_chain AFTER INSERT ON "audit_event" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        retention_days integer := NULLIF(current_setting('zhenggai.audit_retention_days', true), '')::integer;
      BEGIN
        IF TG_OP = 'DELETE' AND retention_days IS NOT NULL AND retention_days >= 184
           AND OLD.occurred_at < now() - make_interval(days => retention_days) THEN
          RETURN OLD;
        END IF;
        -- the chain trigger filling in an unchained row; the content stays as it was
        IF TG_OP = 'UPDATE' AND current_setting('zhenggai.audit_chaining', true) = 'on' AND OLD.hash IS NULL
           AND (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_username, OLD.actor_roles, OLD.actor_unit_id, OLD.ip,
                OLD.request_id, OLD.action, OLD.entity_type, OLD.entity_id, OLD.result, OLD.before, OLD.after, OLD.detail)
               IS NOT DISTINCT FROM
               (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_username, NEW.actor_roles, NEW.actor_unit_id, NEW.ip,
                NEW.request_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.result, NEW.before, NEW.after, NEW.detail) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    // chain the rows that exist already, oldest first
    await queryRunner.query(`
      DO $$
      DECLARE
        e audit_event;
        n bigint := 0;
        last_hash text := '${GENESIS}';
      BEGIN
        PERFORM pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK});
        PERFORM set_config('zhenggai.audit_chaining', 'on', true);
        FOR e IN SELECT * FROM audit_event ORDER BY occurred_at, id LOOP
          n := n + 1;
          e.seq := n;
          e.prev_hash := last_hash;
          e.hash := encode(sha256(convert_to(audit_event_canonical(e), 'UTF8')), 'hex');
          UPDATE audit_event SET seq = e.seq, prev_hash = e.prev_hash, hash = e.hash WHERE id = e.id;
          last_hash := e.hash;
        END LOOP;
        PERFORM set_config('zhenggai.audit_chaining', 'off', true);
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_chain ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_chain()`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(`DROP FUNCTION audit_event_canonical(audit_event)`);
    await queryRunner.query(`DROP INDEX "public"."uq_audit_event_seq"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "hash"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "prev_hash"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "seq"`);
  }
}
