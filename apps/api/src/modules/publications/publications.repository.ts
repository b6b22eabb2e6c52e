import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlParams } from '../../common/sql.js';
import type { MaskReplacement, PublicationStatus } from './publication.entity.js';

export interface PublicationRow {
  id: string;
  inspectionId: string;
  status: PublicationStatus;
  title: string;
  text: string;
  replacements: MaskReplacement[];
  maskedCount: number;
  issuer: string | null;
  publicityFrom: string;
  publicityTo: string;
  contactPhone: string | null;
  contactHours: string | null;
  contactEmail: string | null;
  slug: string | null;
  publishedAt: Date | null;
  publishedById: string | null;
  publishedByName: string | null;
  withdrawnAt: Date | null;
  withdrawnById: string | null;
  withdrawnByName: string | null;
  withdrawReason: string | null;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  feedbackCount: number;
  unreadFeedbackCount: number;
  version: number;
}

/** The publication row as locked for a write, in column names. */
export interface LockedPublication {
  id: string;
  status: PublicationStatus;
  title: string;
  text: string;
  replacements: MaskReplacement[];
  publicity_from: string;
  publicity_to: string;
  contact_phone: string | null;
  contact_hours: string | null;
  contact_email: string | null;
  version: number;
}

export interface PublicNoticeRow {
  id: string;
  title: string;
  text: string;
  issuer: string | null;
  publishedAt: Date;
  publicityFrom: string;
  publicityTo: string;
  contactPhone: string | null;
  contactHours: string | null;
  contactEmail: string | null;
}

export interface FeedbackRow {
  id: string;
  publicationId: string;
  content: string;
  name: string | null;
  contact: string | null;
  receivedAt: Date;
  handledAt: Date | null;
  handledById: string | null;
  handledByName: string | null;
  replyNote: string | null;
  version: number;
}

export interface NewPublication {
  inspectionId: string;
  title: string;
  text: string;
  replacements: MaskReplacement[];
  maskedCount: number;
  issuer: string | null;
  publicityFrom: string;
  publicityTo: string;
  contactPhone: string | null;
  contactHours: string | null;
  contactEmail: string | null;
  createdById: string;
}

// the text is left out of lists: a notice runs to tens of thousands of characters
const SUMMARY_COLUMNS = `p.id, p.inspection_id AS "inspectionId", p.status, p.title, p.masked_count AS "maskedCount", p.issuer,
  p.publicity_from AS "publicityFrom", p.publicity_to AS "publicityTo", p.contact_phone AS "contactPhone",
  p.contact_hours AS "contactHours", p.contact_email AS "contactEmail", p.slug, p.published_at AS "publishedAt",
  p.published_by_id AS "publishedById", pb.display_name AS "publishedByName", p.withdrawn_at AS "withdrawnAt",
  p.withdrawn_by_id AS "withdrawnById", wb.display_name AS "withdrawnByName", p.withdraw_reason AS "withdrawReason",
  p.created_by_id AS "createdById", cb.display_name AS "createdByName", p.created_at AS "createdAt",
  p.updated_at AS "updatedAt", p.version,
  (SELECT count(*)::int FROM publication_feedback f WHERE f.publication_id = p.id) AS "feedbackCount",
  (SELECT count(*)::int FROM publication_feedback f WHERE f.publication_id = p.id AND f.handled_at IS NULL) AS "unreadFeedbackCount"`;

// a publication of a deleted inspection is gone for everyone, the public included
const FROM = `FROM publication p
  JOIN inspection i ON i.id = p.inspection_id AND i.deleted_at IS NULL
  LEFT JOIN user_account pb ON pb.id = p.published_by_id
  LEFT JOIN user_account wb ON wb.id = p.withdrawn_by_id
  LEFT JOIN user_account cb ON cb.id = p.created_by_id`;

// All SQL of the public notices: publications, the public page, the opinions received and their handling.
@Injectable()
export class PublicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every name a person of the system is known by: persons (deleted ones too) and account display names. */
  async knownPersonNames(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT btrim(name) AS name FROM (SELECT name FROM person UNION SELECT display_name AS name FROM user_account) n
       WHERE name IS NOT NULL AND btrim(name) <> ''`,
    )) as Array<{ name: string }>;
    return rows.map((row) => row.name);
  }

  async insertPublication(manager: EntityManager, values: NewPublication): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO publication (inspection_id, title, text, replacements, masked_count, issuer, publicity_from, publicity_to,
         contact_phone, contact_hours, contact_email, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        values.inspectionId,
        values.title,
        values.text,
        JSON.stringify(values.replacements),
        values.maskedCount,
        values.issuer,
        values.publicityFrom,
        values.publicityTo,
        values.contactPhone,
        values.contactHours,
        values.contactEmail,
        values.createdById,
      ],
    )) as Array<{ id: string }>;
    return row.id;
  }

  async findPublication(id: string): Promise<PublicationRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, p.text, p.replacements ${FROM} WHERE p.id = $1`,
      [id],
    )) as PublicationRow[];
    return rows[0] ?? null;
  }

  async listPublications(inspectionId: string): Promise<Array<Omit<PublicationRow, 'text' | 'replacements'>>> {
    return (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} ${FROM} WHERE p.inspection_id = $1 ORDER BY p.created_at DESC, p.id DESC`,
      [inspectionId],
    )) as Array<Omit<PublicationRow, 'text' | 'replacements'>>;
  }

  /** Locks the publication for a transition; null when it does not exist (or its inspection is deleted). */
  async lockPublication(manager: EntityManager, id: string): Promise<LockedPublication | null> {
    const rows = (await manager.query(
      `SELECT p.id, p.status, p.title, p.text, p.replacements, p.publicity_from, p.publicity_to, p.contact_phone,
         p.contact_hours, p.contact_email, p.version
       FROM publication p JOIN inspection i ON i.id = p.inspection_id AND i.deleted_at IS NULL
       WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    )) as LockedPublication[];
    return rows[0] ?? null;
  }

  /** Writes columns of a locked row (names come from code, values as parameters) and bumps its version. */
  async updatePublication(manager: EntityManager, id: string, columns: Record<string, unknown>): Promise<void> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const sets = Object.entries(columns).map(([column, value]) => `"${column}" = ${params.add(value)}`);
    sets.push('version = version + 1', 'updated_at = now()');
    await manager.query(`UPDATE publication SET ${sets.join(', ')} WHERE id = ${idParam}`, params.values);
  }

  async findPublicNotice(slug: string): Promise<PublicNoticeRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.title, p.text, p.issuer, p.published_at AS "publishedAt", p.publicity_from AS "publicityFrom",
         p.publicity_to AS "publicityTo", p.contact_phone AS "contactPhone", p.contact_hours AS "contactHours",
         p.contact_email AS "contactEmail"
       FROM publication p JOIN inspection i ON i.id = p.inspection_id AND i.deleted_at IS NULL
       WHERE p.slug = $1 AND p.status = 'published'`,
      [slug],
    )) as PublicNoticeRow[];
    return rows[0] ?? null;
  }

  /** The published notice behind a slug, held against a concurrent withdrawal while an opinion is stored. */
  async sharePublishedNotice(
    manager: EntityManager,
    slug: string,
  ): Promise<{ id: string; publicityFrom: string; publicityTo: string } | null> {
    const rows = (await manager.query(
      `SELECT p.id, p.publicity_from AS "publicityFrom", p.publicity_to AS "publicityTo"
       FROM publication p JOIN inspection i ON i.id = p.inspection_id AND i.deleted_at IS NULL
       WHERE p.slug = $1 AND p.status = 'published' FOR SHARE OF p`,
      [slug],
    )) as Array<{ id: string; publicityFrom: string; publicityTo: string }>;
    return rows[0] ?? null;
  }

  async insertFeedback(
    manager: EntityManager,
    values: {
      publicationId: string;
      content: string;
      name: string | null;
      contact: string | null;
      ip: string | null;
      userAgent: string | null;
      receivedAt: Date;
    },
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO publication_feedback (publication_id, content, sender_name, sender_contact, ip, user_agent, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
      [
        values.publicationId,
        values.content,
        values.name,
        values.contact,
        values.ip,
        values.userAgent,
        values.receivedAt,
      ],
    )) as Array<{ id: string }>;
    return row.id;
  }

  async findFeedbackPage(
    publicationId: string,
    filter: { unread: boolean },
    window: { offset: number; limit: number },
  ): Promise<{ items: FeedbackRow[]; total: number; unread: number }> {
    const where = ['f.publication_id = $1'];
    if (filter.unread) where.push('f.handled_at IS NULL');
    const [items, [counts]] = await Promise.all([
      this.dataSource.query(
        `SELECT f.id, f.publication_id AS "publicationId", f.content, f.sender_name AS name, f.sender_contact AS contact,
           f.created_at AS "receivedAt", f.handled_at AS "handledAt", f.handled_by_id AS "handledById",
           u.display_name AS "handledByName", f.reply_note AS "replyNote", f.version
         FROM publication_feedback f LEFT JOIN user_account u ON u.id = f.handled_by_id
         WHERE ${where.join(' AND ')} ORDER BY f.created_at DESC, f.id DESC LIMIT $2 OFFSET $3`,
        [publicationId, window.limit, window.offset],
      ) as Promise<FeedbackRow[]>,
      this.dataSource.query(
        `SELECT count(*) FILTER (WHERE ${where.join(' AND ')})::int AS total,
           count(*) FILTER (WHERE f.handled_at IS NULL)::int AS unread
         FROM publication_feedback f WHERE f.publication_id = $1`,
        [publicationId],
      ) as Promise<Array<{ total: number; unread: number }>>,
    ]);
    return { items, total: counts.total, unread: counts.unread };
  }

  async findFeedback(id: string): Promise<FeedbackRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT f.id, f.publication_id AS "publicationId", f.content, f.sender_name AS name, f.sender_contact AS contact,
         f.created_at AS "receivedAt", f.handled_at AS "handledAt", f.handled_by_id AS "handledById",
         u.display_name AS "handledByName", f.reply_note AS "replyNote", f.version
       FROM publication_feedback f
       JOIN publication p ON p.id = f.publication_id
       JOIN inspection i ON i.id = p.inspection_id AND i.deleted_at IS NULL
       LEFT JOIN user_account u ON u.id = f.handled_by_id
       WHERE f.id = $1`,
      [id],
    )) as FeedbackRow[];
    return rows[0] ?? null;
  }

  async lockFeedback(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; publicationId: string; handledAt: Date | null; version: number } | null> {
    const rows = (await manager.query(
      `SELECT f.id, f.publication_id AS "publicationId", f.handled_at AS "handledAt", f.version
       FROM publication_feedback f
       JOIN publication p ON p.id = f.publication_id
       JOIN inspection i ON i.id = p.inspection_id AND i.deleted_at IS NULL
       WHERE f.id = $1 FOR UPDATE OF f`,
      [id],
    )) as Array<{ id: string; publicationId: string; handledAt: Date | null; version: number }>;
    return rows[0] ?? null;
  }

  async markFeedbackHandled(
    manager: EntityManager,
    id: string,
    values: { handledAt: Date; handledById: string; replyNote: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE publication_feedback SET handled_at = $2, handled_by_id = $3, reply_note = $4, version = version + 1,
         updated_at = now() WHERE id = $1`,
      [id, values.handledAt, values.handledById, values.replyNote],
    );
  }

  /** Unhandled opinions of the public, for the officers' menu badge (notices of deleted inspections excluded). */
  async countUnreadFeedback(): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM publication_feedback f
       JOIN publication p ON p.id = f.publication_id JOIN inspection i ON i.id = p.inspection_id
       WHERE f.handled_at IS NULL AND i.deleted_at IS NULL`,
    )) as Array<{ unread: number }>;
    return row.unread;
  }
}
