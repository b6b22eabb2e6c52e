import { MigrationInterface, QueryRunner } from "typeorm";

export class IdempotencyCommitted1796659415716 implements MigrationInterface {
    name = 'IdempotencyCommitted1796659415716'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "idempotency_key"
            ADD "committed_at" TIMESTAMP WITH TIME ZONE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "idempotency_key" DROP COLUMN "committed_at"
        `);
    }

}
