import { MigrationInterface, QueryRunner } from "typeorm";

export class CheckpointReviews1796647499267 implements MigrationInterface {
    name = 'CheckpointReviews1796647499267'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint"
            ADD "review_status" character varying(20) NOT NULL DEFAULT 'open'
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint"
            ADD "queued_on" date
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint"
            ADD "outcome" character varying(20)
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint"
            ADD "opinion" text
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint"
            ADD "reviewed_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint"
            ADD "reviewed_by_id" uuid
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_measure_checkpoint_review" ON "measure_checkpoint" ("review_status", "due_on")
        `);
        // a checkpoint already marked done needs no review
        await queryRunner.query(`
            UPDATE "measure_checkpoint" SET "review_status" = 'done' WHERE "done_on" IS NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."idx_measure_checkpoint_review"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint" DROP COLUMN "reviewed_by_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint" DROP COLUMN "reviewed_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint" DROP COLUMN "opinion"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint" DROP COLUMN "outcome"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint" DROP COLUMN "queued_on"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint" DROP COLUMN "review_status"
        `);
    }

}
