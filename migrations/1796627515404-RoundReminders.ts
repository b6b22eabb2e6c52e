import { MigrationInterface, QueryRunner } from "typeorm";

export class RoundReminders1796627515404 implements MigrationInterface {
    name = 'RoundReminders1796627515404'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "reminder_sent"
            ALTER COLUMN "measure_id" DROP NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "reminder_sent"
            ALTER COLUMN "measure_id"
            SET NOT NULL
        `);
    }

}
