import { MigrationInterface, QueryRunner } from "typeorm";

export class NotificationPreferences1796618199101 implements MigrationInterface {
    name = 'NotificationPreferences1796618199101'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "notification_preference" (
                "user_id" uuid NOT NULL,
                "kind" character varying(50) NOT NULL,
                "channel" character varying(20) NOT NULL,
                "enabled" boolean NOT NULL,
                CONSTRAINT "PK_57be9fb19577013c44ebc5bec3c" PRIMARY KEY ("user_id", "kind", "channel")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_preference"
            ADD CONSTRAINT "FK_ff040d2d2e35c49b00525783829" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_ff040d2d2e35c49b00525783829"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_preference"
        `);
    }

}
