import { MigrationInterface, QueryRunner } from "typeorm";

export class Webhooks1796618449586 implements MigrationInterface {
    name = 'Webhooks1796618449586'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "webhook" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100),
                "url" character varying(2000) NOT NULL,
                "secret" character varying(200) NOT NULL,
                "events" text array NOT NULL,
                "format" character varying(20) NOT NULL,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_e6765510c2d078db49632b59020" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "webhook_message" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "webhook_id" uuid NOT NULL,
                "event" character varying(50) NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_07903a2e1c41801efd06f7110b8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_webhook_message_webhook_created" ON "webhook_message" ("webhook_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "webhook_delivery" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "message_id" uuid NOT NULL,
                "webhook_id" uuid NOT NULL,
                "event" character varying(50) NOT NULL,
                "attempt" integer NOT NULL,
                "status" character varying(20) NOT NULL,
                "http_status" integer,
                "error" text,
                "duration_ms" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_webhook_delivery_message" ON "webhook_delivery" ("message_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_webhook_delivery_webhook_created" ON "webhook_delivery" ("webhook_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook"
            ADD CONSTRAINT "FK_6d62fe695ad8be80bdd0de2a68d" FOREIGN KEY ("created_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_message"
            ADD CONSTRAINT "FK_5e571ca28b5e3faacd016714484" FOREIGN KEY ("webhook_id") REFERENCES "webhook"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery"
            ADD CONSTRAINT "FK_a9e38e6f50dfd328baca6679b36" FOREIGN KEY ("message_id") REFERENCES "webhook_message"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery"
            ADD CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d" FOREIGN KEY ("webhook_id") REFERENCES "webhook"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d"
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_a9e38e6f50dfd328baca6679b36"
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_message" DROP CONSTRAINT "FK_5e571ca28b5e3faacd016714484"
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook" DROP CONSTRAINT "FK_6d62fe695ad8be80bdd0de2a68d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_webhook_delivery_webhook_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_webhook_delivery_message"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook_delivery"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_webhook_message_webhook_created"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook_message"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook"
        `);
    }

}
