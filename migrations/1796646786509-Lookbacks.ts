import { MigrationInterface, QueryRunner } from "typeorm";

export class Lookbacks1796646786509 implements MigrationInterface {
    name = 'Lookbacks1796646786509'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "lookback" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "inspection_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "title" character varying(100) NOT NULL,
                "sample_rate_pct" integer NOT NULL,
                "seed" character varying(32) NOT NULL,
                "population" integer NOT NULL,
                "fingerprint" character varying(8) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'open',
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_2aa23660ebfef1e220d6463c6c4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_lookback_seq" ON "lookback" ("inspection_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "lookback_item" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "lookback_id" uuid NOT NULL,
                "measure_id" uuid NOT NULL,
                "unit_id" uuid,
                "position" integer NOT NULL,
                "manual" boolean NOT NULL DEFAULT false,
                "status_at_draw" character varying(20) NOT NULL,
                "result" character varying(12),
                "finding" text,
                "deadline" date,
                "evidence_ids" uuid array NOT NULL DEFAULT '{}',
                "checked_by_id" uuid,
                "checked_by_name" character varying(100),
                "checked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_410b5d925f84c1a97371bb95761" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cdcdd540ec0dea19fc0b319bf0" ON "lookback_item" ("measure_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_lookback_item_measure" ON "lookback_item" ("lookback_id", "measure_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "lookback"
            ADD CONSTRAINT "FK_13575cce7789994da270a2c54c2" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lookback"
            ADD CONSTRAINT "FK_8811c136ec27d3567bc9a93858f" FOREIGN KEY ("created_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lookback_item"
            ADD CONSTRAINT "FK_9f169440307c3c9645d71204f5d" FOREIGN KEY ("lookback_id") REFERENCES "lookback"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lookback_item"
            ADD CONSTRAINT "FK_cdcdd540ec0dea19fc0b319bf07" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lookback_item"
            ADD CONSTRAINT "FK_1328097e09e9bfe6683b69a60c5" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lookback_item"
            ADD CONSTRAINT "FK_2b95d6d6d93eea4489541bdab4e" FOREIGN KEY ("checked_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "lookback_item" DROP CONSTRAINT "FK_2b95d6d6d93eea4489541bdab4e"
        `);
        await queryRunner.query(`
            ALTER TABLE "lookback_item" DROP CONSTRAINT "FK_1328097e09e9bfe6683b69a60c5"
        `);
        await queryRunner.query(`
            ALTER TABLE "lookback_item" DROP CONSTRAINT "FK_cdcdd540ec0dea19fc0b319bf07"
        `);
        await queryRunner.query(`
            ALTER TABLE "lookback_item" DROP CONSTRAINT "FK_9f169440307c3c9645d71204f5d"
        `);
        await queryRunner.query(`
            ALTER TABLE "lookback" DROP CONSTRAINT "FK_8811c136ec27d3567bc9a93858f"
        `);
        await queryRunner.query(`
            ALTER TABLE "lookback" DROP CONSTRAINT "FK_13575cce7789994da270a2c54c2"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_lookback_item_measure"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cdcdd540ec0dea19fc0b319bf0"
        `);
        await queryRunner.query(`
            DROP TABLE "lookback_item"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_lookback_seq"
        `);
        await queryRunner.query(`
            DROP TABLE "lookback"
        `);
    }

}
