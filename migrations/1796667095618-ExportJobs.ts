import { MigrationInterface, QueryRunner } from "typeorm";

export class ExportJobs1796667095618 implements MigrationInterface {
    name = 'ExportJobs1796667095618'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "export_job" (
                "id" uuid NOT NULL,
                "actor_id" uuid NOT NULL,
                "inspection_id" uuid NOT NULL,
                "filter" jsonb NOT NULL,
                "scope" jsonb NOT NULL,
                "status" character varying(10) NOT NULL,
                "progress" smallint NOT NULL DEFAULT '0',
                "file_name" character varying(300) NOT NULL,
                "file_size" bigint,
                "error" character varying(300),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_2edcb6f1780d22e5a9f2f29f466" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_export_job_created" ON "export_job" ("created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_export_job_actor" ON "export_job" ("actor_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."idx_export_job_actor"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_export_job_created"
        `);
        await queryRunner.query(`
            DROP TABLE "export_job"
        `);
    }

}
