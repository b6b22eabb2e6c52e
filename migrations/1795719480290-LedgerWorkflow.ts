import { MigrationInterface, QueryRunner } from "typeorm";

export class LedgerWorkflow1795719480290 implements MigrationInterface {
    name = 'LedgerWorkflow1795719480290'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "idempotency_key" (
                "user_id" uuid NOT NULL,
                "key" character varying(100) NOT NULL,
                "method" character varying(10) NOT NULL,
                "path" character varying(300) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "status" integer,
                "body" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_de390066dce788f80744a8f6626" PRIMARY KEY ("user_id", "key")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_idempotency_key_created" ON "idempotency_key" ("created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "deadline_extension" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "measure_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "requested_by_id" uuid,
                "previous_deadline" date,
                "requested_deadline" date NOT NULL,
                "reason" text NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'pending',
                "decided_by_id" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "opinion" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_3be4c5bba67ab6df021e3c4f7b2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3ba3f066cfb77583074141f1bf" ON "deadline_extension" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_deadline_extension_status" ON "deadline_extension" ("status", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_deadline_extension_measure" ON "deadline_extension" ("measure_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "measure_checkpoint" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "measure_id" uuid NOT NULL,
                "due_on" date NOT NULL,
                "title" character varying(200),
                "done_on" date,
                "note" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_928459bc2d84c841c379f13c49a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_caf271f38ab05b6bdf7579ec21" ON "measure_checkpoint" ("due_on")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_measure_checkpoint_measure_due" ON "measure_checkpoint" ("measure_id", "due_on")
        `);
        await queryRunner.query(`
            CREATE TABLE "measure_event" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "measure_id" uuid NOT NULL,
                "action" character varying(30) NOT NULL,
                "from_status" character varying(20),
                "to_status" character varying(20),
                "unit_id" uuid,
                "actor_id" uuid,
                "actor_name" character varying(50),
                "opinion" text,
                "attachment_ids" uuid array NOT NULL DEFAULT '{}',
                "detail" jsonb,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_636b829159bd0feeb01381151a1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_76f2a63db9bb329bba778fec01" ON "measure_event" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_da995b64b7e94cfb7bbd3d5c99" ON "measure_event" ("actor_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_measure_event_measure_time" ON "measure_event" ("measure_id", "occurred_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "deadline_extension"
            ADD CONSTRAINT "FK_21d970d52674fa096f875edb977" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deadline_extension"
            ADD CONSTRAINT "FK_3ba3f066cfb77583074141f1bfa" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deadline_extension"
            ADD CONSTRAINT "FK_0660ce80feb2e20a279d87b479e" FOREIGN KEY ("requested_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deadline_extension"
            ADD CONSTRAINT "FK_0edde35dc8aaaf7664eb526aceb" FOREIGN KEY ("decided_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint"
            ADD CONSTRAINT "FK_480814935c2ece38f0e97d41abc" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_event"
            ADD CONSTRAINT "FK_7408f2403668e48e401308cb91c" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_event"
            ADD CONSTRAINT "FK_76f2a63db9bb329bba778fec014" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_event"
            ADD CONSTRAINT "FK_da995b64b7e94cfb7bbd3d5c99c" FOREIGN KEY ("actor_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "measure_event" DROP CONSTRAINT "FK_da995b64b7e94cfb7bbd3d5c99c"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_event" DROP CONSTRAINT "FK_76f2a63db9bb329bba778fec014"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_event" DROP CONSTRAINT "FK_7408f2403668e48e401308cb91c"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_checkpoint" DROP CONSTRAINT "FK_480814935c2ece38f0e97d41abc"
        `);
        await queryRunner.query(`
            ALTER TABLE "deadline_extension" DROP CONSTRAINT "FK_0edde35dc8aaaf7664eb526aceb"
        `);
        await queryRunner.query(`
            ALTER TABLE "deadline_extension" DROP CONSTRAINT "FK_0660ce80feb2e20a279d87b479e"
        `);
        await queryRunner.query(`
            ALTER TABLE "deadline_extension" DROP CONSTRAINT "FK_3ba3f066cfb77583074141f1bfa"
        `);
        await queryRunner.query(`
            ALTER TABLE "deadline_extension" DROP CONSTRAINT "FK_21d970d52674fa096f875edb977"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_measure_event_measure_time"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_da995b64b7e94cfb7bbd3d5c99"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_76f2a63db9bb329bba778fec01"
        `);
        await queryRunner.query(`
            DROP TABLE "measure_event"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_measure_checkpoint_measure_due"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_caf271f38ab05b6bdf7579ec21"
        `);
        await queryRunner.query(`
            DROP TABLE "measure_checkpoint"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_deadline_extension_measure"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_deadline_extension_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3ba3f066cfb77583074141f1bf"
        `);
        await queryRunner.query(`
            DROP TABLE "deadline_extension"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_idempotency_key_created"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_key"
        `);
    }

}
