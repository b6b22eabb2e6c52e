import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 28 step 5: the deferred audit chain trigger chains a transaction's rows in one go (docs/architecture.md,
// "Tamper-evident audit"). The chain itself does not change: the same canonical text (audit_event_canonical), the
// same sha256, the same lock, still at commit, still in insertion (id) order within the transaction.
// - The first call of audit_event_chain() at commit finds its row unchained: it takes the lock, reads the last link,
//   and chains every still-unchained row of this transaction from NEW.id on, in id order — a loop computing
//   seq/prev_hash/hash into arrays, then ONE UPDATE … FROM unnest (the guard's flag as before).
// - Every later call finds its row chained (one primary key lookup) and returns; a row the batch did not take (a lower
//   id, or inserted after an earlier SET CONSTRAINTS … IMMEDIATE, or un-chained again by a rolled-back savepoint)
//   is found unchained by its own call and chained then.
// - "Of this transaction": visible, hash null, and xmin still in progress (a visible in-progress xmin is ours). A
//   committed unchained row (only possible with the trigger bypassed) is never taken in, so the verifier still
//   reports it as 'unchained'.
// - The canonical text of an unchained row has seq and prev_hash null: '[null' || M || 'null]'. With seq and
//   prev_hash filled it is '["<seq>"' || M || '"<prev_hash>"]' (both to_json of plain ASCII text), so M is computed
//   once per row set-based and the loop only concatenates and hashes. The first row of every batch is checked against
//   audit_event_canonical() of the filled-in row: a mismatch raises instead of writing a wrong hash.
// the 17 elements of the canonical array, in their fixed order (migration AuditHashChain, audit-chain.ts)
const CANONICAL_FIELDS = [
  `e.seq::text`,
  `e.id::text`,
  `to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  `e.actor_id::text`,
  `e.actor_username::text`,
  `to_jsonb(e.actor_roles)::text`,
  `e.actor_unit_id::text`,
  `e.ip::text`,
  `e.request_id::text`,
  `e.action::text`,
  `e.entity_type::text`,
  `e.entity_id::text`,
  `e.result::text`,
  `e.before::text`,
  `e.after::text`,
  `e.detail::text`,
  `e.prev_hash::text`,
];
const AUDIT_CHAIN_LOCK = 7_301_001;
const GENESIS = '0'.repeat(64);

export class AuditChainBatch1796670000000 implements MigrationInterface {
  name = 'AuditChainBatch1796670000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // the same text as before, as one expression instead of unnest + string_agg: PostgreSQL inlines it, which halves
    // its cost per row (checked equal on 190,000 rows of the bench; every chain test recomputes the hashes in JS)
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT '[' || ${CANONICAL_FIELDS.map((field) => `COALESCE(to_json(${field})::text, 'null')`).join(" || ',' || ")} || ']'
      $$`);
    // true when a visible row's xmin is this transaction (or one of its subtransactions): the 32-bit xid widened to
    // the xid8 nearest this transaction's own id, then pg_xact_status (a visible in-progress xid is our own)
    await queryRunner.query(`
      CREATE FUNCTION audit_event_xmin_is_own(x xid) RETURNS boolean LANGUAGE sql VOLATILE AS $$
        SELECT pg_xact_status((
          pg_current_xact_id()::text::bigint
          + ((x::text::bigint - (pg_current_xact_id()::text::bigint & 4294967295) + 6442450944) % 4294967296)
          - 2147483648
        )::text::xid8) = 'in progress'
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        last_seq bigint;
        last_hash text;
        first_seq bigint;
        ids bigint[];
        mids text[];
        prevs text[];
        hashes text[];
        n integer;
        i integer;
        r audit_event;
        own xid;
      BEGIN
        -- chained already by an earlier call of this transaction
        SELECT xmin INTO own FROM audit_event WHERE id = NEW.id AND hash IS NULL;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        PERFORM pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK});
        SELECT seq, hash INTO last_seq, last_hash FROM audit_event WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
        last_seq := COALESCE(last_seq, 0);
        last_hash := COALESCE(last_hash, '${GENESIS}');
        first_seq := last_seq + 1;
        SELECT array_agg(e.id ORDER BY e.id),
               array_agg(substr(c.t, 6, length(c.t) - 10) ORDER BY e.id)
          INTO ids, mids
          FROM audit_event e CROSS JOIN LATERAL (SELECT audit_event_canonical(e) AS t) c
         WHERE e.id >= NEW.id AND e.hash IS NULL AND e.seq IS NULL AND e.prev_hash IS NULL
           AND CASE WHEN e.xmin = own THEN true ELSE audit_event_xmin_is_own(e.xmin) END;
        n := COALESCE(array_length(ids, 1), 0);
        IF n = 0 OR ids[1] <> NEW.id THEN
          RAISE EXCEPTION 'audit chain: row % not found among the unchained rows of this transaction', NEW.id;
        END IF;
        prevs := array_fill(NULL::text, ARRAY[n]);
        hashes := array_fill(NULL::text, ARRAY[n]);
        FOR i IN 1..n LOOP
          last_seq := last_seq + 1;
          prevs[i] := last_hash;
          last_hash := encode(sha256(convert_to('["' || last_seq || '"' || mids[i] || '"' || last_hash || '"]', 'UTF8')), 'hex');
          hashes[i] := last_hash;
        END LOOP;
        -- the shortcut must give audit_event_canonical()'s text exactly: checked on the batch's first row
        SELECT * INTO r FROM audit_event WHERE id = ids[1];
        r.seq := first_seq;
        r.prev_hash := prevs[1];
        IF encode(sha256(convert_to(audit_event_canonical(r), 'UTF8')), 'hex') <> hashes[1] THEN
          RAISE EXCEPTION 'audit chain: canonical text mismatch for row %', ids[1];
        END IF;
        PERFORM set_config('zhenggai.audit_chaining', 'on', true);
        UPDATE audit_event a SET seq = first_seq + c.n - 1, prev_hash = c.prev_hash, hash = c.hash
          FROM unnest(ids, prevs, hashes) WITH ORDINALITY AS c(id, prev_hash, hash, n)
         WHERE a.id = c.id;
        PERFORM set_config('zhenggai.audit_chaining', 'off', true);
        RETURN NULL;
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(`DROP FUNCTION audit_event_xmin_is_own(xid)`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT '[' || string_agg(COALESCE(to_json(v)::text, 'null'), ',' ORDER BY n) || ']'
        FROM unnest(ARRAY[
          e.seq::text, e.id::text, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          e.actor_id::text, e.actor_username::text, to_jsonb(e.actor_roles)::text, e.actor_unit_id::text,
          e.ip::text, e.request_id::text, e.action::text, e.entity_type::text, e.entity_id::text, e.result::text,
          e.before::text, e.after::text, e.detail::text, e.prev_hash::text
        ]) WITH ORDINALITY AS t(v, n)
      $$`);
  }
}
