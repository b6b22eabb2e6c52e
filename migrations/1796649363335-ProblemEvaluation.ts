import { MigrationInterface, QueryRunner } from "typeorm";

export class ProblemEvaluation1796649363335 implements MigrationInterface {
    name = 'ProblemEvaluation1796649363335'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "problem_evaluation" (
                "problem_id" uuid NOT NULL,
                "rating" character varying(10) NOT NULL,
                "text" text NOT NULL,
                "evaluated_by_id" uuid,
                "evaluated_by_name" character varying(100),
                "evaluated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_39da5898799cef0e62ca4b0a73b" PRIMARY KEY ("problem_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "problem_evaluation"
            ADD CONSTRAINT "FK_39da5898799cef0e62ca4b0a73b" FOREIGN KEY ("problem_id") REFERENCES "problem"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "problem_evaluation"
            ADD CONSTRAINT "FK_e673cf477e8a13cd08e00f729bf" FOREIGN KEY ("evaluated_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "problem_evaluation" DROP CONSTRAINT "FK_e673cf477e8a13cd08e00f729bf"
        `);
        await queryRunner.query(`
            ALTER TABLE "problem_evaluation" DROP CONSTRAINT "FK_39da5898799cef0e62ca4b0a73b"
        `);
        await queryRunner.query(`
            DROP TABLE "problem_evaluation"
        `);
    }

}
