import { MigrationInterface, QueryRunner } from "typeorm";

export class ReminderPolicy1796622307704 implements MigrationInterface {
    name = 'ReminderPolicy1796622307704'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "reminder_policy" (
                "inspection_id" uuid NOT NULL,
                "due_soon_days" integer array NOT NULL,
                "escalation" jsonb NOT NULL,
                "channels" text array NOT NULL,
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '2',
                CONSTRAINT "PK_930e4b55a8b5f4e52eadc963236" PRIMARY KEY ("inspection_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_policy"
            ADD CONSTRAINT "FK_930e4b55a8b5f4e52eadc963236" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_policy"
            ADD CONSTRAINT "FK_a03c4e8e358191090c41143e7c8" FOREIGN KEY ("updated_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "reminder_policy" DROP CONSTRAINT "FK_a03c4e8e358191090c41143e7c8"
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_policy" DROP CONSTRAINT "FK_930e4b55a8b5f4e52eadc963236"
        `);
        await queryRunner.query(`
            DROP TABLE "reminder_policy"
        `);
    }

}
