import { MigrationInterface, QueryRunner } from "typeorm";

export class InitSchema1795719149508 implements MigrationInterface {
    name = 'InitSchema1795719149508'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "unit" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "parent_id" uuid,
                "name" character varying(100) NOT NULL,
                "short_name" character varying(50),
                "kind" character varying(20) NOT NULL DEFAULT '部门',
                "sort_order" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_4252c4be609041e559f0c80f58a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_33443cd5de3c6b130acfd6aba6" ON "unit" ("parent_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_d6ed30b7aab50652a04b842bbb" ON "unit" ("name")
            WHERE deleted_at IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "person" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(50) NOT NULL,
                "title" character varying(100),
                "unit_id" uuid,
                "is_leader" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_1ccc95c9861eb01e5303cf22e3" ON "person" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "user_account" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" character varying(64) NOT NULL,
                "display_name" character varying(50) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "roles" text array NOT NULL DEFAULT '{}',
                "unit_id" uuid,
                "person_id" uuid,
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                "must_change_password" boolean NOT NULL DEFAULT false,
                "password_changed_at" TIMESTAMP WITH TIME ZONE,
                "failed_login_count" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_3c4d4fae641bf9048ad324ee0d" ON "user_account" ("username")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_af7271705f25e1558dd1dd8951" ON "user_account" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "inspection" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "issuer" character varying(100),
                "kind" character varying(10) NOT NULL,
                "level" character varying(20),
                "term" character varying(20),
                "issuing_committee" character varying(20),
                "round" integer,
                "inspection_group" character varying(100),
                "inspection_type" character varying(50),
                "target" character varying(200),
                "on_site_from" date,
                "on_site_to" date,
                "feedback_date" date,
                "plan_due_date" date,
                "rectification_end" date,
                "report_due" date,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "publicity_from" date,
                "publicity_to" date,
                "contact_phone" character varying(50),
                "contact_hours" character varying(100),
                "contact_email" character varying(100),
                "contact_address" character varying(200),
                "yellow_days" integer NOT NULL DEFAULT '7',
                "source_text" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_1e895c2ae7b7d9d1ec464950013" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "category" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "inspection_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "label" character varying(20),
                "title" character varying(200) NOT NULL,
                "code" character varying(30),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_9c4e4a89e3674fc9f382d733f03" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_category_inspection_seq" ON "category" ("inspection_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "problem" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "inspection_id" uuid NOT NULL,
                "category_id" uuid,
                "parent_id" uuid,
                "seq" integer NOT NULL,
                "label" character varying(20) NOT NULL,
                "title" character varying(500) NOT NULL,
                "description" text,
                "overview" text,
                "goal" text,
                "root_cause" text,
                "term" character varying(20) NOT NULL DEFAULT 'concentrated',
                "source" character varying(20) NOT NULL DEFAULT 'feedback',
                "status" character varying(20) NOT NULL DEFAULT 'in_progress',
                "deadline" date,
                "lead_leader_id" uuid,
                "lead_unit_id" uuid,
                "remarks" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_119b5ca6f3371465bf1f0f90219" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_bcfdeeda544c3f30e16b53dabe" ON "problem" ("category_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_db97c8c8f9ff975f1e7844dd43" ON "problem" ("parent_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_eeec32282f8391cf0b7dd80916" ON "problem" ("lead_leader_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b32c4dcc64d3a807f092852cc2" ON "problem" ("lead_unit_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_problem_inspection_status" ON "problem" ("inspection_id", "status")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_problem_inspection_seq" ON "problem" ("inspection_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "measure" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "problem_id" uuid NOT NULL,
                "inspection_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "lead" character varying(200),
                "text" text NOT NULL,
                "term" character varying(20) NOT NULL DEFAULT 'concentrated',
                "status" character varying(20) NOT NULL DEFAULT 'not_started',
                "deadline" date,
                "lead_unit_id" uuid,
                "responsible_leader_id" uuid,
                "responsible_person_id" uuid,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "stage_outcome" text,
                "long_term_mechanism" text,
                "next_checkpoint" date,
                "remarks" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_ddc1ad2a86717cedc808809423e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0cf6de1179bc1ed77f60fcd7b2" ON "measure" ("responsible_leader_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b54324535d633b4b57b56e915d" ON "measure" ("responsible_person_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_measure_inspection_status" ON "measure" ("inspection_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_measure_lead_unit_status_deadline" ON "measure" ("lead_unit_id", "status", "deadline", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_measure_status_deadline" ON "measure" ("status", "deadline", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_measure_deadline" ON "measure" ("deadline", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_measure_problem_seq" ON "measure" ("problem_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "progress_update" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "measure_id" uuid NOT NULL,
                "unit_id" uuid,
                "reported_on" date NOT NULL,
                "text" text NOT NULL,
                "facts" jsonb NOT NULL DEFAULT '[]',
                "author_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5ac3567b3caf930f1bad30796f8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_443df6f1c0bb129cf88771e2bd" ON "progress_update" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_53c3e590baf82d46924c856e1c" ON "progress_update" ("author_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_progress_update_measure_date" ON "progress_update" ("measure_id", "reported_on")
        `);
        await queryRunner.query(`
            CREATE TABLE "attachment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "measure_id" uuid NOT NULL,
                "progress_update_id" uuid,
                "unit_id" uuid,
                "name" character varying(255) NOT NULL,
                "mime_type" character varying(100) NOT NULL,
                "size" bigint NOT NULL,
                "sha256" character(64) NOT NULL,
                "storage_key" character varying(200) NOT NULL,
                "kind" character varying(20) NOT NULL DEFAULT 'document',
                "uploaded_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_d2a80c3a8d467f08a750ac4b420" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_354171786dbb05817ef14f9ec5" ON "attachment" ("measure_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_e7d67ed5e330316d47dfbd0f23" ON "attachment" ("progress_update_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_2b2fedd3cf98d1cebc8c6fa95c" ON "attachment" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_d777dcffe63dff85011cf4707c" ON "attachment" ("storage_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_98872340e922bc9a2efd5ae144" ON "attachment" ("uploaded_by_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "id" BIGSERIAL NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "actor_username" character varying(64),
                "actor_roles" text array NOT NULL DEFAULT '{}',
                "actor_unit_id" uuid,
                "ip" character varying(64),
                "request_id" character varying(64),
                "action" character varying(50) NOT NULL,
                "entity_type" character varying(50),
                "entity_id" character varying(64),
                "result" character varying(20) NOT NULL DEFAULT 'success',
                "before" jsonb,
                "after" jsonb,
                "detail" jsonb,
                CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_806add0204f192a9f867d0515c" ON "audit_event" ("occurred_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_audit_event_action" ON "audit_event" ("action", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_audit_event_actor" ON "audit_event" ("actor_id", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_audit_event_entity" ON "audit_event" ("entity_type", "entity_id", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "user_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" character(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "csrf_token" character varying(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "ip" character varying(64),
                "user_agent" character varying(255),
                CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_9ccf6d901cef4067214284f327" ON "user_session" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_13275383dcdf095ee29f2b3455" ON "user_session" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "measure_unit" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "measure_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "role" character varying(10) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'not_started',
                "progress" integer NOT NULL DEFAULT '0',
                "note" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_cd5429d24835041145dc317578b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_measure_unit_unit_measure" ON "measure_unit" ("unit_id", "measure_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_measure_unit_measure_unit" ON "measure_unit" ("measure_id", "unit_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "accountability_action" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "inspection_id" uuid NOT NULL,
                "problem_id" uuid,
                "form" character varying(30) NOT NULL,
                "count" integer,
                "count_unit" character varying(10),
                "note" text,
                "raw_text" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_172acddad4341235ab2d63a5484" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f4e95830b5c1692d9b00d63e5b" ON "accountability_action" ("inspection_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ea6d70891d534a7d976a36a7bb" ON "accountability_action" ("problem_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "fund_recovery" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "inspection_id" uuid NOT NULL,
                "problem_id" uuid,
                "kind" character varying(20) NOT NULL,
                "amount" numeric(14, 2) NOT NULL,
                "unit" character varying(10) NOT NULL DEFAULT '万元',
                "raw_text" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_4dd808e9fb743cafc5db8d1482f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_dec58396e6995332b179d32845" ON "fund_recovery" ("inspection_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c967ae37bb1e5657750690fc1d" ON "fund_recovery" ("problem_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "rule_document" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "inspection_id" uuid NOT NULL,
                "problem_id" uuid,
                "title" character varying(300) NOT NULL,
                "role" character varying(20) NOT NULL DEFAULT 'issued',
                "issued_on" date,
                "unit_id" uuid,
                "raw_text" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_b718ede55e06b8df6425c301f4b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b08e479223531c012a14f23b89" ON "rule_document" ("inspection_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_de87a9851b12ad49e14c167d66" ON "rule_document" ("problem_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_121b7b732a8af5abe59748f33d" ON "rule_document" ("unit_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "unit"
            ADD CONSTRAINT "FK_33443cd5de3c6b130acfd6aba63" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "person"
            ADD CONSTRAINT "FK_1ccc95c9861eb01e5303cf22e34" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD CONSTRAINT "FK_af7271705f25e1558dd1dd8951a" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD CONSTRAINT "FK_e549e3c93b35f4bd5275767af13" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "category"
            ADD CONSTRAINT "FK_866c19d61a7aba4acf8f88269c5" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "problem"
            ADD CONSTRAINT "FK_58e0bd3b37fc9fa62ae95df65f9" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "problem"
            ADD CONSTRAINT "FK_bcfdeeda544c3f30e16b53dabe6" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "problem"
            ADD CONSTRAINT "FK_db97c8c8f9ff975f1e7844dd439" FOREIGN KEY ("parent_id") REFERENCES "problem"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "problem"
            ADD CONSTRAINT "FK_eeec32282f8391cf0b7dd80916d" FOREIGN KEY ("lead_leader_id") REFERENCES "person"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "problem"
            ADD CONSTRAINT "FK_b32c4dcc64d3a807f092852cc2d" FOREIGN KEY ("lead_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "measure"
            ADD CONSTRAINT "FK_bc791b834f07405cf06f1360c84" FOREIGN KEY ("problem_id") REFERENCES "problem"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "measure"
            ADD CONSTRAINT "FK_351ee50fc23038e02321b6bd13f" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "measure"
            ADD CONSTRAINT "FK_9972cd384a82f586ae68666ac52" FOREIGN KEY ("lead_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "measure"
            ADD CONSTRAINT "FK_0cf6de1179bc1ed77f60fcd7b20" FOREIGN KEY ("responsible_leader_id") REFERENCES "person"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "measure"
            ADD CONSTRAINT "FK_b54324535d633b4b57b56e915db" FOREIGN KEY ("responsible_person_id") REFERENCES "person"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "progress_update"
            ADD CONSTRAINT "FK_3f84482048f6c4a71dea1258965" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "progress_update"
            ADD CONSTRAINT "FK_443df6f1c0bb129cf88771e2bd6" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "progress_update"
            ADD CONSTRAINT "FK_53c3e590baf82d46924c856e1ca" FOREIGN KEY ("author_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attachment"
            ADD CONSTRAINT "FK_354171786dbb05817ef14f9ec5e" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attachment"
            ADD CONSTRAINT "FK_e7d67ed5e330316d47dfbd0f230" FOREIGN KEY ("progress_update_id") REFERENCES "progress_update"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attachment"
            ADD CONSTRAINT "FK_2b2fedd3cf98d1cebc8c6fa95c6" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attachment"
            ADD CONSTRAINT "FK_98872340e922bc9a2efd5ae144a" FOREIGN KEY ("uploaded_by_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user_session"
            ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_unit"
            ADD CONSTRAINT "FK_9815a3a738b5113f932388898fd" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_unit"
            ADD CONSTRAINT "FK_7c1a0d3e5d551d0edf8fb50062c" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "accountability_action"
            ADD CONSTRAINT "FK_f4e95830b5c1692d9b00d63e5b5" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "accountability_action"
            ADD CONSTRAINT "FK_ea6d70891d534a7d976a36a7bbf" FOREIGN KEY ("problem_id") REFERENCES "problem"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "fund_recovery"
            ADD CONSTRAINT "FK_dec58396e6995332b179d328459" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "fund_recovery"
            ADD CONSTRAINT "FK_c967ae37bb1e5657750690fc1d3" FOREIGN KEY ("problem_id") REFERENCES "problem"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "rule_document"
            ADD CONSTRAINT "FK_b08e479223531c012a14f23b89c" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "rule_document"
            ADD CONSTRAINT "FK_de87a9851b12ad49e14c167d669" FOREIGN KEY ("problem_id") REFERENCES "problem"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "rule_document"
            ADD CONSTRAINT "FK_121b7b732a8af5abe59748f33dc" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "rule_document" DROP CONSTRAINT "FK_121b7b732a8af5abe59748f33dc"
        `);
        await queryRunner.query(`
            ALTER TABLE "rule_document" DROP CONSTRAINT "FK_de87a9851b12ad49e14c167d669"
        `);
        await queryRunner.query(`
            ALTER TABLE "rule_document" DROP CONSTRAINT "FK_b08e479223531c012a14f23b89c"
        `);
        await queryRunner.query(`
            ALTER TABLE "fund_recovery" DROP CONSTRAINT "FK_c967ae37bb1e5657750690fc1d3"
        `);
        await queryRunner.query(`
            ALTER TABLE "fund_recovery" DROP CONSTRAINT "FK_dec58396e6995332b179d328459"
        `);
        await queryRunner.query(`
            ALTER TABLE "accountability_action" DROP CONSTRAINT "FK_ea6d70891d534a7d976a36a7bbf"
        `);
        await queryRunner.query(`
            ALTER TABLE "accountability_action" DROP CONSTRAINT "FK_f4e95830b5c1692d9b00d63e5b5"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_unit" DROP CONSTRAINT "FK_7c1a0d3e5d551d0edf8fb50062c"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure_unit" DROP CONSTRAINT "FK_9815a3a738b5113f932388898fd"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"
        `);
        await queryRunner.query(`
            ALTER TABLE "attachment" DROP CONSTRAINT "FK_98872340e922bc9a2efd5ae144a"
        `);
        await queryRunner.query(`
            ALTER TABLE "attachment" DROP CONSTRAINT "FK_2b2fedd3cf98d1cebc8c6fa95c6"
        `);
        await queryRunner.query(`
            ALTER TABLE "attachment" DROP CONSTRAINT "FK_e7d67ed5e330316d47dfbd0f230"
        `);
        await queryRunner.query(`
            ALTER TABLE "attachment" DROP CONSTRAINT "FK_354171786dbb05817ef14f9ec5e"
        `);
        await queryRunner.query(`
            ALTER TABLE "progress_update" DROP CONSTRAINT "FK_53c3e590baf82d46924c856e1ca"
        `);
        await queryRunner.query(`
            ALTER TABLE "progress_update" DROP CONSTRAINT "FK_443df6f1c0bb129cf88771e2bd6"
        `);
        await queryRunner.query(`
            ALTER TABLE "progress_update" DROP CONSTRAINT "FK_3f84482048f6c4a71dea1258965"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure" DROP CONSTRAINT "FK_b54324535d633b4b57b56e915db"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure" DROP CONSTRAINT "FK_0cf6de1179bc1ed77f60fcd7b20"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure" DROP CONSTRAINT "FK_9972cd384a82f586ae68666ac52"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure" DROP CONSTRAINT "FK_351ee50fc23038e02321b6bd13f"
        `);
        await queryRunner.query(`
            ALTER TABLE "measure" DROP CONSTRAINT "FK_bc791b834f07405cf06f1360c84"
        `);
        await queryRunner.query(`
            ALTER TABLE "problem" DROP CONSTRAINT "FK_b32c4dcc64d3a807f092852cc2d"
        `);
        await queryRunner.query(`
            ALTER TABLE "problem" DROP CONSTRAINT "FK_eeec32282f8391cf0b7dd80916d"
        `);
        await queryRunner.query(`
            ALTER TABLE "problem" DROP CONSTRAINT "FK_db97c8c8f9ff975f1e7844dd439"
        `);
        await queryRunner.query(`
            ALTER TABLE "problem" DROP CONSTRAINT "FK_bcfdeeda544c3f30e16b53dabe6"
        `);
        await queryRunner.query(`
            ALTER TABLE "problem" DROP CONSTRAINT "FK_58e0bd3b37fc9fa62ae95df65f9"
        `);
        await queryRunner.query(`
            ALTER TABLE "category" DROP CONSTRAINT "FK_866c19d61a7aba4acf8f88269c5"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP CONSTRAINT "FK_e549e3c93b35f4bd5275767af13"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP CONSTRAINT "FK_af7271705f25e1558dd1dd8951a"
        `);
        await queryRunner.query(`
            ALTER TABLE "person" DROP CONSTRAINT "FK_1ccc95c9861eb01e5303cf22e34"
        `);
        await queryRunner.query(`
            ALTER TABLE "unit" DROP CONSTRAINT "FK_33443cd5de3c6b130acfd6aba63"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_121b7b732a8af5abe59748f33d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_de87a9851b12ad49e14c167d66"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b08e479223531c012a14f23b89"
        `);
        await queryRunner.query(`
            DROP TABLE "rule_document"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c967ae37bb1e5657750690fc1d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_dec58396e6995332b179d32845"
        `);
        await queryRunner.query(`
            DROP TABLE "fund_recovery"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ea6d70891d534a7d976a36a7bb"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f4e95830b5c1692d9b00d63e5b"
        `);
        await queryRunner.query(`
            DROP TABLE "accountability_action"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_measure_unit_measure_unit"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_measure_unit_unit_measure"
        `);
        await queryRunner.query(`
            DROP TABLE "measure_unit"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_13275383dcdf095ee29f2b3455"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9ccf6d901cef4067214284f327"
        `);
        await queryRunner.query(`
            DROP TABLE "user_session"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_audit_event_entity"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_audit_event_actor"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_audit_event_action"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_806add0204f192a9f867d0515c"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_98872340e922bc9a2efd5ae144"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d777dcffe63dff85011cf4707c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_2b2fedd3cf98d1cebc8c6fa95c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_e7d67ed5e330316d47dfbd0f23"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_354171786dbb05817ef14f9ec5"
        `);
        await queryRunner.query(`
            DROP TABLE "attachment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_progress_update_measure_date"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_53c3e590baf82d46924c856e1c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_443df6f1c0bb129cf88771e2bd"
        `);
        await queryRunner.query(`
            DROP TABLE "progress_update"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_measure_problem_seq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_measure_deadline"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_measure_status_deadline"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_measure_lead_unit_status_deadline"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_measure_inspection_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b54324535d633b4b57b56e915d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0cf6de1179bc1ed77f60fcd7b2"
        `);
        await queryRunner.query(`
            DROP TABLE "measure"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_problem_inspection_seq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_problem_inspection_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b32c4dcc64d3a807f092852cc2"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_eeec32282f8391cf0b7dd80916"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_db97c8c8f9ff975f1e7844dd43"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_bcfdeeda544c3f30e16b53dabe"
        `);
        await queryRunner.query(`
            DROP TABLE "problem"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_category_inspection_seq"
        `);
        await queryRunner.query(`
            DROP TABLE "category"
        `);
        await queryRunner.query(`
            DROP TABLE "inspection"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_af7271705f25e1558dd1dd8951"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3c4d4fae641bf9048ad324ee0d"
        `);
        await queryRunner.query(`
            DROP TABLE "user_account"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1ccc95c9861eb01e5303cf22e3"
        `);
        await queryRunner.query(`
            DROP TABLE "person"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d6ed30b7aab50652a04b842bbb"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_33443cd5de3c6b130acfd6aba6"
        `);
        await queryRunner.query(`
            DROP TABLE "unit"
        `);
    }

}
