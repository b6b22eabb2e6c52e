import { createHash } from 'node:crypto';

// The canonical serialisation of an audit row for its hash (docs/architecture.md, "Tamper-evident audit"). The
// database's audit_event_canonical() builds the same text when it chains a row; the verifier rebuilds it here from
// the columns read as text, so the two must agree byte for byte.

/** prev_hash of the first row of the chain. */
export const AUDIT_CHAIN_GENESIS = '0'.repeat(64);

/** Every column of audit_event except hash, as the text PostgreSQL gives for it (see AUDIT_CHAIN_FIELDS). */
export interface AuditChainFields {
  seq: string;
  id: string;
  // UTC, microseconds: 2026-12-07T15:02:06.123456Z
  occurredAt: string;
  actorId: string | null;
  actorUsername: string | null;
  // to_jsonb(actor_roles)::text
  actorRoles: string;
  actorUnitId: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  result: string;
  // jsonb::text: jsonb's normalised text (keys ordered, duplicates dropped, fixed spacing), so key order never matters
  before: string | null;
  after: string | null;
  detail: string | null;
  prevHash: string;
}

/** The fixed order of the canonical array; never change it (every stored hash depends on it). */
export const AUDIT_CHAIN_FIELDS = [
  'seq',
  'id',
  'occurredAt',
  'actorId',
  'actorUsername',
  'actorRoles',
  'actorUnitId',
  'ip',
  'requestId',
  'action',
  'entityType',
  'entityId',
  'result',
  'before',
  'after',
  'detail',
  'prevHash',
] as const satisfies ReadonlyArray<keyof AuditChainFields>;

/** A JSON array, no spaces, of each field as a JSON string or null (so null and '' differ). */
export function auditChainCanonical(fields: AuditChainFields): string {
  return JSON.stringify(AUDIT_CHAIN_FIELDS.map((name) => fields[name] ?? null));
}

/** SHA-256 (hex) of the canonical text in UTF-8. */
export function auditChainHash(fields: AuditChainFields): string {
  return createHash('sha256').update(auditChainCanonical(fields), 'utf8').digest('hex');
}
