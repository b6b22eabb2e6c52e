import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1796612894124 implements MigrationInterface {
    name = 'Notifications1796612894124'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "kind" character varying(50) NOT NULL,
                "title" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "link" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_notification_user_unread" ON "notification" ("user_id")
            WHERE read_at IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_notification_user_created" ON "notification" ("user_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_notification_user_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_notification_user_unread"
        `);
        await queryRunner.query(`
            DROP TABLE "notification"
        `);
    }

}
