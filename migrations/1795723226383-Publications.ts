import { MigrationInterface, QueryRunner } from "typeorm";

export class Publications1795723226383 implements MigrationInterface {
    name = 'Publications1795723226383'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "publication" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "inspection_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'draft',
                "title" character varying(500) NOT NULL,
                "text" text NOT NULL,
                "replacements" jsonb NOT NULL DEFAULT '[]',
                "masked_count" integer NOT NULL DEFAULT '0',
                "issuer" character varying(100),
                "publicity_from" date NOT NULL,
                "publicity_to" date NOT NULL,
                "contact_phone" character varying(50),
                "contact_hours" character varying(100),
                "contact_email" character varying(100),
                "slug" character varying(32),
                "published_at" TIMESTAMP WITH TIME ZONE,
                "published_by_id" uuid,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "withdrawn_by_id" uuid,
                "withdraw_reason" text,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_8aea8363d5213896a78d8365fab" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_publication_slug" ON "publication" ("slug")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_publication_inspection_created" ON "publication" ("inspection_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "publication_feedback" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "publication_id" uuid NOT NULL,
                "content" text NOT NULL,
                "sender_name" character varying(50),
                "sender_contact" character varying(100),
                "ip" character varying(64),
                "user_agent" character varying(300),
                "handled_at" TIMESTAMP WITH TIME ZONE,
                "handled_by_id" uuid,
                "reply_note" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_e8b04f145eb4ff31d21ed490c28" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_publication_feedback_publication_handled" ON "publication_feedback" ("publication_id", "handled_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_publication_feedback_publication_created" ON "publication_feedback" ("publication_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "publication"
            ADD CONSTRAINT "FK_ef97c23fe277f002c424707c3ad" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "publication"
            ADD CONSTRAINT "FK_b0cba0ef67b57b1db9fb0482215" FOREIGN KEY ("published_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "publication"
            ADD CONSTRAINT "FK_8c967beb1a1f2aabcde465f83be" FOREIGN KEY ("withdrawn_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "publication"
            ADD CONSTRAINT "FK_59c79e1f9235dcb5d34737bd267" FOREIGN KEY ("created_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "publication_feedback"
            ADD CONSTRAINT "FK_44376feabc1656e7274bfe6e9c9" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "publication_feedback"
            ADD CONSTRAINT "FK_53daf0c7e008b55e4da7ba32453" FOREIGN KEY ("handled_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "publication_feedback" DROP CONSTRAINT "FK_53daf0c7e008b55e4da7ba32453"
        `);
        await queryRunner.query(`
            ALTER TABLE "publication_feedback" DROP CONSTRAINT "FK_44376feabc1656e7274bfe6e9c9"
        `);
        await queryRunner.query(`
            ALTER TABLE "publication" DROP CONSTRAINT "FK_59c79e1f9235dcb5d34737bd267"
        `);
        await queryRunner.query(`
            ALTER TABLE "publication" DROP CONSTRAINT "FK_8c967beb1a1f2aabcde465f83be"
        `);
        await queryRunner.query(`
            ALTER TABLE "publication" DROP CONSTRAINT "FK_b0cba0ef67b57b1db9fb0482215"
        `);
        await queryRunner.query(`
            ALTER TABLE "publication" DROP CONSTRAINT "FK_ef97c23fe277f002c424707c3ad"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_publication_feedback_publication_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_publication_feedback_publication_handled"
        `);
        await queryRunner.query(`
            DROP TABLE "publication_feedback"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_publication_inspection_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_publication_slug"
        `);
        await queryRunner.query(`
            DROP TABLE "publication"
        `);
    }

}
