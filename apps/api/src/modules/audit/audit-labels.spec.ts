import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, MEASURE_ACTIONS } from '@zhenggai/domain';

// every source file of the API, to find the actions and object types it writes into the audit trail
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('audit labels', () => {
  const text = sources(join(__dirname, '..', '..'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it('names every audited action in Chinese, so the audit admin never reads a bare code', () => {
    const written = new Set(
      [...text.matchAll(/action: (?:[^'\n]*\? )?'([A-Z][A-Z_]+)'(?: : '([A-Z][A-Z_]+)')?/g)].flatMap((match) =>
        [match[1], match[2]].filter(Boolean),
      ),
    );
    for (const action of MEASURE_ACTIONS) written.add(`MEASURE_${action.toUpperCase()}`);
    expect(written.size).toBeGreaterThan(50);
    const missing = [...written].filter((action) => !(action in AUDIT_ACTION_LABELS));
    expect(missing).toEqual([]);
  });

  it('names every audited object type in Chinese', () => {
    const written = new Set([...text.matchAll(/entityType: '([a-z_]+)'/g)].map((match) => match[1]));
    expect(written.size).toBeGreaterThan(8);
    expect([...written].filter((type) => !(type in AUDIT_ENTITY_LABELS))).toEqual([]);
  });
});
