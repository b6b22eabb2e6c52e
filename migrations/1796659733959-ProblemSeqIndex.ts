import { MigrationInterface, QueryRunner } from "typeorm";

export class ProblemSeqIndex1796659733959 implements MigrationInterface {
    name = 'ProblemSeqIndex1796659733959'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "idx_problem_seq" ON "problem" ("seq", "id")
            WHERE deleted_at IS NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."idx_problem_seq"
        `);
    }

}
