import { MigrationInterface, QueryRunner } from "typeorm";

export class MailChannel1796617818443 implements MigrationInterface {
    name = 'MailChannel1796617818443'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "notification_delivery" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notification_id" uuid,
                "user_id" uuid,
                "channel" character varying(20) NOT NULL,
                "recipient" character varying(254) NOT NULL,
                "subject" character varying(300) NOT NULL,
                "status" character varying(10) NOT NULL,
                "error" text,
                "attempt" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_109dea88c25343da49d86de6bfd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_notification_delivery_created" ON "notification_delivery" ("created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "email" character varying(254)
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery"
            ADD CONSTRAINT "FK_2e70a64359ce7416b06a4d7a432" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery"
            ADD CONSTRAINT "FK_ec0ae00b82685d300c8dad83cab" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notification_delivery" DROP CONSTRAINT "FK_ec0ae00b82685d300c8dad83cab"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery" DROP CONSTRAINT "FK_2e70a64359ce7416b06a4d7a432"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "email"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_notification_delivery_created"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_delivery"
        `);
    }

}
