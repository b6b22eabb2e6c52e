import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 28 step 4: the statistics of an inspection are cached in PostgreSQL, keyed by a change stamp. Triggers on every
// table the statistics read bump the inspection's stamp in the writing transaction (so the bump commits or rolls back
// with the change); a cached answer is served only while its stamps equal the current ones and its day is today.
// The nil uuid row is the shared stamp: unit names and order (read by every inspection's figures) and any TRUNCATE.
const SHARED = '00000000-0000-0000-0000-000000000000';

// table → how a changed row names its inspection
const TABLES: Array<[string, 'id' | 'inspection_id' | 'measure_id' | 'shared']> = [
  ['inspection', 'id'],
  ['category', 'inspection_id'],
  ['problem', 'inspection_id'],
  ['measure', 'inspection_id'],
  ['measure_unit', 'measure_id'],
  ['measure_checkpoint', 'measure_id'],
  ['deadline_extension', 'measure_id'],
  ['measure_event', 'measure_id'],
  ['accountability_action', 'inspection_id'],
  ['rule_document', 'inspection_id'],
  ['fund_recovery', 'inspection_id'],
  ['unit', 'shared'],
];

export class StatisticsCache1796660000000 implements MigrationInterface {
  name = 'StatisticsCache1796660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "statistics_stamp_seq"`);
    await queryRunner.query(`
      CREATE TABLE "statistics_stamp" (
        "inspection_id" uuid NOT NULL,
        "stamp" bigint NOT NULL,
        CONSTRAINT "PK_statistics_stamp" PRIMARY KEY ("inspection_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "statistics_cache" (
        "inspection_id" uuid NOT NULL,
        "scope_key" character varying(64) NOT NULL,
        "due_soon_days" integer NOT NULL,
        "stamp" bigint NOT NULL,
        "shared_stamp" bigint NOT NULL,
        "computed_on" date NOT NULL,
        "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "figures" json NOT NULL,
        CONSTRAINT "PK_statistics_cache" PRIMARY KEY ("inspection_id", "scope_key", "due_soon_days"),
        CONSTRAINT "FK_statistics_cache_inspection" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE
      )`);
    // one new stamp per inspection touched, in uuid order (two writers meet the rows in the same order)
    await queryRunner.query(`
      CREATE FUNCTION statistics_bump(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO statistics_stamp (inspection_id, stamp)
        SELECT id, nextval('statistics_stamp_seq')
        FROM (SELECT DISTINCT id FROM unnest(ids) AS t(id) WHERE id IS NOT NULL ORDER BY id) s
        ON CONFLICT (inspection_id) DO UPDATE SET stamp = EXCLUDED.stamp
      $$`);
    // statement-level, with the transition tables new_rows / old_rows: one bump per statement, none when no row changed
    await queryRunner.query(`
      CREATE FUNCTION statistics_touch() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        col text := TG_ARGV[0];
        src text;
        ids uuid[];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM statistics_bump(ARRAY['${SHARED}'::uuid]);
          RETURN NULL;
        END IF;
        IF col = 'shared' THEN col := 'id'; END IF;
        src := CASE TG_OP
          WHEN 'INSERT' THEN format('SELECT %I AS k FROM new_rows', col)
          WHEN 'DELETE' THEN format('SELECT %I AS k FROM old_rows', col)
          ELSE format('SELECT %1$I AS k FROM new_rows UNION SELECT %1$I FROM old_rows', col) END;
        IF TG_ARGV[0] = 'measure_id' THEN
          EXECUTE format('SELECT array_agg(DISTINCT m.inspection_id) FROM measure m WHERE m.id IN (%s)', src) INTO ids;
        ELSIF TG_ARGV[0] = 'shared' THEN
          EXECUTE format('SELECT CASE WHEN EXISTS (%s) THEN ARRAY[''${SHARED}''::uuid] END', src) INTO ids;
        ELSE
          EXECUTE format('SELECT array_agg(DISTINCT k) FROM (%s) t', src) INTO ids;
        END IF;
        IF ids IS NOT NULL THEN PERFORM statistics_bump(ids); END IF;
        RETURN NULL;
      END $$`);
    for (const [table, key] of TABLES) {
      await queryRunner.query(`CREATE TRIGGER statistics_touch_insert AFTER INSERT ON "${table}"
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_touch('${key}')`);
      await queryRunner.query(`CREATE TRIGGER statistics_touch_update AFTER UPDATE ON "${table}"
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_touch('${key}')`);
      await queryRunner.query(`CREATE TRIGGER statistics_touch_delete AFTER DELETE ON "${table}"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_touch('${key}')`);
      await queryRunner.query(`CREATE TRIGGER statistics_touch_truncate AFTER TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION statistics_touch('${key}')`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of TABLES) {
      for (const op of ['insert', 'update', 'delete', 'truncate'])
        await queryRunner.query(`DROP TRIGGER statistics_touch_${op} ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION statistics_touch()`);
    await queryRunner.query(`DROP FUNCTION statistics_bump(uuid[])`);
    await queryRunner.query(`DROP TABLE "statistics_cache"`);
    await queryRunner.query(`DROP TABLE "statistics_stamp"`);
    await queryRunner.query(`DROP SEQUENCE "statistics_stamp_seq"`);
  }
}
