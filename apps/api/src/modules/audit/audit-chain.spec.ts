import { describe, expect, it } from '@jest/globals';
import { AUDIT_CHAIN_GENESIS, auditChainCanonical, auditChainHash, type AuditChainFields } from './audit-chain.js';

const row: AuditChainFields = {
  seq: '1',
  id: '42',
  occurredAt: '2026-12-07T15:02:06.123456Z',
  actorId: null,
  actorUsername: 'officer',
  actorRoles: '["officer", "supervisor"]',
  actorUnitId: null,
  ip: '127.0.0.1',
  requestId: null,
  action: 'MEASURE_UPDATED',
  entityType: 'measure',
  entityId: 'b6f1',
  result: 'success',
  before: '{"a": 1, "text": "旧"}',
  after: null,
  detail: null,
  prevHash: AUDIT_CHAIN_GENESIS,
};

describe('audit chain canonical serialisation', () => {
  it('is a JSON array of the fields in the fixed order, each a string or null', () => {
    expect(auditChainCanonical(row)).toBe(
      '["1","42","2026-12-07T15:02:06.123456Z",null,"officer","[\\"officer\\", \\"supervisor\\"]",null,"127.0.0.1",null,' +
        '"MEASURE_UPDATED","measure","b6f1","success","{\\"a\\": 1, \\"text\\": \\"旧\\"}",null,null,' +
        `"${AUDIT_CHAIN_GENESIS}"]`,
    );
  });

  it('does not depend on the order the object was built in', () => {
    const reversed = Object.fromEntries(Object.entries(row).reverse()) as unknown as AuditChainFields;
    expect(auditChainCanonical(reversed)).toBe(auditChainCanonical(row));
    expect(auditChainHash(reversed)).toBe(auditChainHash(row));
  });

  it('tells null from the empty string', () => {
    expect(auditChainHash({ ...row, requestId: '' })).not.toBe(auditChainHash(row));
    expect(auditChainHash({ ...row, actorUsername: null })).not.toBe(auditChainHash({ ...row, actorUsername: '' }));
    expect(auditChainHash({ ...row, detail: 'null' })).not.toBe(auditChainHash(row));
  });

  it('cannot shift text from one field into the next', () => {
    expect(auditChainHash({ ...row, entityType: 'measure', entityId: 'b6f1' })).not.toBe(
      auditChainHash({ ...row, entityType: 'measureb', entityId: '6f1' }),
    );
    expect(auditChainHash({ ...row, entityType: 'a","b' })).not.toBe(auditChainHash(row));
  });

  it('changes with every field and with the previous hash', () => {
    const base = auditChainHash(row);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditChainHash({ ...row, prevHash: 'f'.repeat(64) })).not.toBe(base);
    expect(auditChainHash({ ...row, seq: '2' })).not.toBe(base);
    expect(auditChainHash({ ...row, occurredAt: '2026-12-07T15:02:06.123457Z' })).not.toBe(base);
  });

  it('escapes control characters as PostgreSQL to_json does (lowercase \\u00xx)', () => {
    expect(auditChainCanonical({ ...row, detail: '\u0001\n"\\' })).toContain('"\\u0001\\n\\"\\\\"');
  });
});
