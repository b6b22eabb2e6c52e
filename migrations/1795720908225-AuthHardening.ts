import { MigrationInterface, QueryRunner } from "typeorm";

export class AuthHardening1795720908225 implements MigrationInterface {
    name = 'AuthHardening1795720908225'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "mfa_challenge" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" character(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "attempts" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5ab263b5dc61af1bff77efa1174" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_e7913ab144d52a98d3f241a45d" ON "mfa_challenge" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a3d3ac5f17ce85e0773720ab7f" ON "mfa_challenge" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "mfa_recovery_code" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "code_hash" character(64) NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cdbbb187d9498f3aee029649fbf" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cb8070e714a552e9c6b6271ff9" ON "mfa_recovery_code" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_824921896b23fe8ce3a2aa97db" ON "mfa_recovery_code" ("code_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "password_history" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_da65ed4600e5e6bc9315754a8b2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_password_history_user_created" ON "password_history" ("user_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "disabled_reason" character varying(20)
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "reactivated_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "mfa_secret" character varying(64)
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "mfa_pending_secret" character varying(64)
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "mfa_enabled_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "mfa_last_step" integer
        `);
        await queryRunner.query(`
            ALTER TABLE "mfa_challenge"
            ADD CONSTRAINT "FK_a3d3ac5f17ce85e0773720ab7f9" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "mfa_recovery_code"
            ADD CONSTRAINT "FK_cb8070e714a552e9c6b6271ff98" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "password_history"
            ADD CONSTRAINT "FK_4933dc7a01356ac0733a5ad52d9" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "password_history" DROP CONSTRAINT "FK_4933dc7a01356ac0733a5ad52d9"
        `);
        await queryRunner.query(`
            ALTER TABLE "mfa_recovery_code" DROP CONSTRAINT "FK_cb8070e714a552e9c6b6271ff98"
        `);
        await queryRunner.query(`
            ALTER TABLE "mfa_challenge" DROP CONSTRAINT "FK_a3d3ac5f17ce85e0773720ab7f9"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "mfa_last_step"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "mfa_enabled_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "mfa_pending_secret"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "mfa_secret"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "reactivated_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "disabled_reason"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_password_history_user_created"
        `);
        await queryRunner.query(`
            DROP TABLE "password_history"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_824921896b23fe8ce3a2aa97db"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cb8070e714a552e9c6b6271ff9"
        `);
        await queryRunner.query(`
            DROP TABLE "mfa_recovery_code"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a3d3ac5f17ce85e0773720ab7f"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_e7913ab144d52a98d3f241a45d"
        `);
        await queryRunner.query(`
            DROP TABLE "mfa_challenge"
        `);
    }

}
