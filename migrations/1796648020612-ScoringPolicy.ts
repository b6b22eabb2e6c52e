import { MigrationInterface, QueryRunner } from "typeorm";

export class ScoringPolicy1796648020612 implements MigrationInterface {
    name = 'ScoringPolicy1796648020612'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "scoring_policy" (
                "inspection_id" uuid NOT NULL,
                "weights" jsonb NOT NULL,
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '2',
                CONSTRAINT "PK_8b41b844be007cfe40d6a4a2ab8" PRIMARY KEY ("inspection_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "scoring_policy"
            ADD CONSTRAINT "FK_8b41b844be007cfe40d6a4a2ab8" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "scoring_policy"
            ADD CONSTRAINT "FK_563b2c78949e7129822776f32df" FOREIGN KEY ("updated_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "scoring_policy" DROP CONSTRAINT "FK_563b2c78949e7129822776f32df"
        `);
        await queryRunner.query(`
            ALTER TABLE "scoring_policy" DROP CONSTRAINT "FK_8b41b844be007cfe40d6a4a2ab8"
        `);
        await queryRunner.query(`
            DROP TABLE "scoring_policy"
        `);
    }

}
