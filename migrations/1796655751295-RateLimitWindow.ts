import { MigrationInterface, QueryRunner } from "typeorm";

export class RateLimitWindow1796655751295 implements MigrationInterface {
    name = 'RateLimitWindow1796655751295'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "rate_limit_window" (
                "bucket" character varying(20) NOT NULL,
                "key" character varying(200) NOT NULL,
                "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
                "count" integer NOT NULL,
                CONSTRAINT "PK_4e2b77656d45f3bb1e4dca5e110" PRIMARY KEY ("bucket", "key", "window_start")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_rate_limit_window_start" ON "rate_limit_window" ("window_start")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."idx_rate_limit_window_start"
        `);
        await queryRunner.query(`
            DROP TABLE "rate_limit_window"
        `);
    }

}
