#!/usr/bin/env node
// npm run lint: ESLint over the whole tree, then the walls' own check — each wall must catch a planted violation
// (and let the allowed form through). Prints one line per check and ends with "lint: N passed, N failed"; with
// --json FILE it also writes { passed, failed } for scripts/test-all.mjs.
import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({ options: { json: { type: 'string' }, fix: { type: 'boolean' } } });
const eslint = new ESLint({ cwd: root, fix: Boolean(flags.fix) });
let passed = 0;
let failed = 0;

const results = await eslint.lintFiles(['.']);
if (flags.fix) await ESLint.outputFixes(results);
const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
const formatter = await eslint.loadFormatter('stylish');
const output = await formatter.format(results);
if (output) console.log(output);
if (errors === 0) passed++;
else failed++;
console.log(`${errors === 0 ? '✓' : '✗'} eslint over the tree: ${errors} error(s) in ${results.length} files`);

// planted violations: [what, file (need not exist), code, the rule that must fire, or null when it must pass]
const planted = [
  [
    'API: a module imports another module’s repository by relative path',
    'apps/api/src/modules/measures/planted.ts',
    `import { AuditLogService } from '../audit/audit-log.service.js';\nexport const x = AuditLogService;\n`,
    'walls/api-module-boundaries',
  ],
  [
    'API: the same by package path',
    'apps/api/src/modules/measures/planted.ts',
    `import { AuditLogService } from '@zhenggai/api/src/modules/audit/audit-log.service.js';\nexport const x = AuditLogService;\n`,
    'walls/api-module-boundaries',
  ],
  [
    'API: outside the modules, reaching into one',
    'apps/api/src/cli/planted.ts',
    `import { UsersRepository } from '../modules/users/users.repository.js';\nexport const x = UsersRepository;\n`,
    'walls/api-module-boundaries',
  ],
  [
    'API: through the module’s index (allowed)',
    'apps/api/src/modules/measures/planted.ts',
    `import { AuditService } from '../audit/index.js';\nexport const x = AuditService;\n`,
    null,
  ],
  [
    'web: a feature imports another feature by alias',
    'apps/web/src/features/measures/planted.ts',
    `import { useUsers } from '@/features/users/api/get-users';\nexport const x = useUsers;\n`,
    'walls/web-feature-boundaries',
  ],
  [
    'web: the same by relative path',
    'apps/web/src/features/measures/components/planted.ts',
    `import { useUsers } from '../../users/api/get-users';\nexport const x = useUsers;\n`,
    'walls/web-feature-boundaries',
  ],
  [
    'web: a route composes two features (allowed)',
    'apps/web/src/app/routes/app/planted.ts',
    `import { useUsers } from '@/features/users/api/get-users';\nimport { useJobs } from '@/features/jobs/api/get-jobs';\nexport const x = [useUsers, useJobs];\n`,
    null,
  ],
  [
    'API: SQL in a service (a query call)',
    'apps/api/src/modules/units/planted.service.ts',
    `export class PlantedService {\n  constructor(private readonly dataSource: { query(sql: string): Promise<unknown> }) {}\n  count() {\n    return this.dataSource.query('SELECT count(*) FROM unit');\n  }\n}\n`,
    'no-restricted-syntax',
  ],
  [
    'API: SQL in a service (a SQL string handed elsewhere)',
    'apps/api/src/modules/units/planted.service.ts',
    'export const sql = `UPDATE unit SET name = $2 WHERE id = $1`;\n',
    'no-restricted-syntax',
  ],
];

for (const [what, file, code, rule] of planted) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const fired = result.messages.filter((message) => message.severity === 2).map((message) => message.ruleId);
  const ok = rule ? fired.includes(rule) : fired.length === 0;
  if (ok) passed++;
  else failed++;
  console.log(
    `${ok ? '✓' : '✗'} wall check — ${what}: ${rule ? (ok ? `caught by ${rule}` : `NOT caught (got ${fired.join(', ') || 'nothing'})`) : ok ? 'allowed' : `refused by ${fired.join(', ')}`}`,
  );
}

console.log(`lint: ${passed} passed, ${failed} failed`);
if (flags.json) fs.writeFileSync(flags.json, JSON.stringify({ passed, failed }));
process.exit(failed === 0 ? 0 : 1);
