import { MigrationInterface, QueryRunner } from "typeorm";

export class LoginLockoutByAddress1796657437842 implements MigrationInterface {
    name = 'LoginLockoutByAddress1796657437842'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "login_lockout" (
                "user_id" uuid NOT NULL,
                "ip" character varying(64) NOT NULL,
                "failures" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_66cd45ee6241bc9cb334d067077" PRIMARY KEY ("user_id", "ip")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "login_lockout"
            ADD CONSTRAINT "FK_1771108a5b68145384d7244e6df" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "login_lockout" DROP CONSTRAINT "FK_1771108a5b68145384d7244e6df"
        `);
        await queryRunner.query(`
            DROP TABLE "login_lockout"
        `);
    }

}
