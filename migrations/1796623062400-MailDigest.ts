import { MigrationInterface, QueryRunner } from "typeorm";

export class MailDigest1796623062400 implements MigrationInterface {
    name = 'MailDigest1796623062400'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "mail_digest" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "digest_sent_until" TIMESTAMP WITH TIME ZONE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "digest_sent_until"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "mail_digest"
        `);
    }

}
