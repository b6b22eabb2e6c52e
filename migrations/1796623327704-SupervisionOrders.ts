import { MigrationInterface, QueryRunner } from "typeorm";

export class SupervisionOrders1796623327704 implements MigrationInterface {
    name = 'SupervisionOrders1796623327704'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "supervision_order" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "year" integer NOT NULL,
                "seq" integer NOT NULL,
                "unit_id" uuid NOT NULL,
                "body" text NOT NULL,
                "reply_by" date NOT NULL,
                "issued_by_id" uuid,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "reply_body" text,
                "reply_attachment_ids" uuid array NOT NULL DEFAULT '{}',
                "replied_by_id" uuid,
                "replied_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_06e97a9250b4c76e4be9a99de66" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_74314cc0e82c643637944c3c2b" ON "supervision_order" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_supervision_order_number" ON "supervision_order" ("year", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "supervision_order_measure" (
                "order_id" uuid NOT NULL,
                "measure_id" uuid NOT NULL,
                CONSTRAINT "PK_64bf0c64c9000a1ef5108d84345" PRIMARY KEY ("order_id", "measure_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "supervision_order_counter" (
                "year" integer NOT NULL,
                "last" integer NOT NULL,
                CONSTRAINT "PK_94431f66a3b863b06f3541374f9" PRIMARY KEY ("year")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "supervision_order"
            ADD CONSTRAINT "FK_74314cc0e82c643637944c3c2b4" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "supervision_order"
            ADD CONSTRAINT "FK_57dc5c1269497199b1e15089971" FOREIGN KEY ("issued_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "supervision_order"
            ADD CONSTRAINT "FK_c0547063edae4abef7590646592" FOREIGN KEY ("replied_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "supervision_order_measure"
            ADD CONSTRAINT "FK_b46a75340df062b5b724040d8dd" FOREIGN KEY ("order_id") REFERENCES "supervision_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "supervision_order_measure"
            ADD CONSTRAINT "FK_af95d51905ccf05f6d487ee3994" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "supervision_order_measure" DROP CONSTRAINT "FK_af95d51905ccf05f6d487ee3994"
        `);
        await queryRunner.query(`
            ALTER TABLE "supervision_order_measure" DROP CONSTRAINT "FK_b46a75340df062b5b724040d8dd"
        `);
        await queryRunner.query(`
            ALTER TABLE "supervision_order" DROP CONSTRAINT "FK_c0547063edae4abef7590646592"
        `);
        await queryRunner.query(`
            ALTER TABLE "supervision_order" DROP CONSTRAINT "FK_57dc5c1269497199b1e15089971"
        `);
        await queryRunner.query(`
            ALTER TABLE "supervision_order" DROP CONSTRAINT "FK_74314cc0e82c643637944c3c2b4"
        `);
        await queryRunner.query(`
            DROP TABLE "supervision_order_counter"
        `);
        await queryRunner.query(`
            DROP TABLE "supervision_order_measure"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_supervision_order_number"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_74314cc0e82c643637944c3c2b"
        `);
        await queryRunner.query(`
            DROP TABLE "supervision_order"
        `);
    }

}
