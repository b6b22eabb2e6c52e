import { MigrationInterface, QueryRunner } from "typeorm";

export class ReportRounds1796627022660 implements MigrationInterface {
    name = 'ReportRounds1796627022660'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "report_round" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "inspection_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "title" character varying(100) NOT NULL,
                "period_end" date NOT NULL,
                "due_date" date NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'open',
                "schedule_key" character varying(7),
                "opened_by_id" uuid,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "closed_by_id" uuid,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_20dd39c5eae753d3eb052c9c378" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_report_round_schedule" ON "report_round" ("inspection_id", "schedule_key")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_report_round_seq" ON "report_round" ("inspection_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "report_round_unit" (
                "round_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'pending',
                "submission_id" uuid,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "punctuality" character varying(10),
                CONSTRAINT "PK_32c7e57a2e14cd6e8a7c2d4374f" PRIMARY KEY ("round_id", "unit_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c34180e7c02358254123adbfb2" ON "report_round_unit" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "report_submission" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "round_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "attempt" integer NOT NULL,
                "submitted_by_id" uuid,
                "submitted_by_name" character varying(50) NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "late" boolean NOT NULL DEFAULT false,
                "returned_at" TIMESTAMP WITH TIME ZONE,
                "returned_by_id" uuid,
                "return_reason" text,
                CONSTRAINT "PK_15e5461289e5aec515b74d0e7f1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_report_submission_attempt" ON "report_submission" ("round_id", "unit_id", "attempt")
        `);
        await queryRunner.query(`
            CREATE TABLE "report_snapshot_item" (
                "submission_id" uuid NOT NULL,
                "measure_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "problem_id" uuid NOT NULL,
                "label" character varying(40) NOT NULL,
                "problem_title" text NOT NULL,
                "text" text NOT NULL,
                "status" character varying(20) NOT NULL,
                "status_label" character varying(20) NOT NULL,
                "deadline" date,
                "light" character varying(10) NOT NULL,
                "progress" text NOT NULL,
                "evidence_ids" uuid array NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_be8f488a0494723204877e22d3c" PRIMARY KEY ("submission_id", "measure_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_1b676ac3ae28ff7269846bfbae" ON "report_snapshot_item" ("measure_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "report_schedule" (
                "inspection_id" uuid NOT NULL,
                "enabled" boolean NOT NULL DEFAULT false,
                "day_of_month" integer NOT NULL,
                "due_after_days" integer NOT NULL,
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '2',
                CONSTRAINT "PK_5d43c550259650fdb70c1b30739" PRIMARY KEY ("inspection_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "report_round"
            ADD CONSTRAINT "FK_22312ec75043103b81046b4ea6d" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_round"
            ADD CONSTRAINT "FK_4b21e30ba22f31d931e7f7e9a34" FOREIGN KEY ("opened_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_round"
            ADD CONSTRAINT "FK_dcd25a700e815f985f50ef6b54b" FOREIGN KEY ("closed_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_round_unit"
            ADD CONSTRAINT "FK_99368e6c63c0ef06fc9ef906093" FOREIGN KEY ("round_id") REFERENCES "report_round"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_round_unit"
            ADD CONSTRAINT "FK_c34180e7c02358254123adbfb28" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_submission"
            ADD CONSTRAINT "FK_7b669a2052e50e1c5cb593083e4" FOREIGN KEY ("round_id") REFERENCES "report_round"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_submission"
            ADD CONSTRAINT "FK_a152c5ad4c2f1bc793524ac6ef7" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_submission"
            ADD CONSTRAINT "FK_6cb286bfa7bf8a515bb6da89ceb" FOREIGN KEY ("submitted_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_submission"
            ADD CONSTRAINT "FK_2ac34fd018d2c8f0920d16e54b6" FOREIGN KEY ("returned_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_snapshot_item"
            ADD CONSTRAINT "FK_815e6c4b927315a981be5412516" FOREIGN KEY ("submission_id") REFERENCES "report_submission"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_snapshot_item"
            ADD CONSTRAINT "FK_1b676ac3ae28ff7269846bfbae6" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_schedule"
            ADD CONSTRAINT "FK_5d43c550259650fdb70c1b30739" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_schedule"
            ADD CONSTRAINT "FK_96b6972a969961db0787f336963" FOREIGN KEY ("updated_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        // a submitted snapshot is evidence of what a unit reported: no statement may change it afterwards
        await queryRunner.query(`
            CREATE FUNCTION report_snapshot_item_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'report_snapshot_item rows are immutable' USING ERRCODE = 'restrict_violation';
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER report_snapshot_item_immutable BEFORE UPDATE ON "report_snapshot_item"
            FOR EACH ROW EXECUTE FUNCTION report_snapshot_item_immutable()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER report_snapshot_item_immutable ON "report_snapshot_item"`);
        await queryRunner.query(`DROP FUNCTION report_snapshot_item_immutable()`);
        await queryRunner.query(`
            ALTER TABLE "report_schedule" DROP CONSTRAINT "FK_96b6972a969961db0787f336963"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_schedule" DROP CONSTRAINT "FK_5d43c550259650fdb70c1b30739"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_snapshot_item" DROP CONSTRAINT "FK_1b676ac3ae28ff7269846bfbae6"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_snapshot_item" DROP CONSTRAINT "FK_815e6c4b927315a981be5412516"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_submission" DROP CONSTRAINT "FK_2ac34fd018d2c8f0920d16e54b6"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_submission" DROP CONSTRAINT "FK_6cb286bfa7bf8a515bb6da89ceb"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_submission" DROP CONSTRAINT "FK_a152c5ad4c2f1bc793524ac6ef7"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_submission" DROP CONSTRAINT "FK_7b669a2052e50e1c5cb593083e4"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_round_unit" DROP CONSTRAINT "FK_c34180e7c02358254123adbfb28"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_round_unit" DROP CONSTRAINT "FK_99368e6c63c0ef06fc9ef906093"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_round" DROP CONSTRAINT "FK_dcd25a700e815f985f50ef6b54b"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_round" DROP CONSTRAINT "FK_4b21e30ba22f31d931e7f7e9a34"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_round" DROP CONSTRAINT "FK_22312ec75043103b81046b4ea6d"
        `);
        await queryRunner.query(`
            DROP TABLE "report_schedule"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1b676ac3ae28ff7269846bfbae"
        `);
        await queryRunner.query(`
            DROP TABLE "report_snapshot_item"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_report_submission_attempt"
        `);
        await queryRunner.query(`
            DROP TABLE "report_submission"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c34180e7c02358254123adbfb2"
        `);
        await queryRunner.query(`
            DROP TABLE "report_round_unit"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_report_round_seq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_report_round_schedule"
        `);
        await queryRunner.query(`
            DROP TABLE "report_round"
        `);
    }

}
