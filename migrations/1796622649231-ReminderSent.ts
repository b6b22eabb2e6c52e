import { MigrationInterface, QueryRunner } from "typeorm";

export class ReminderSent1796622649231 implements MigrationInterface {
    name = 'ReminderSent1796622649231'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "reminder_sent" (
                "key" character varying(200) NOT NULL,
                "measure_id" uuid NOT NULL,
                "rule" character varying(40) NOT NULL,
                "notify" character varying(20) NOT NULL,
                "sent_on" date NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_25b71048ab2f2e562dbcb5042ee" PRIMARY KEY ("key")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_reminder_sent_measure" ON "reminder_sent" ("measure_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."idx_reminder_sent_measure"
        `);
        await queryRunner.query(`
            DROP TABLE "reminder_sent"
        `);
    }

}
