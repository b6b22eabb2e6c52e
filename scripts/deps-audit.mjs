#!/usr/bin/env node
// npm run deps:audit: fails on any high or critical advisory in the production dependencies that
// docs/audit-exceptions.json does not explain (advisory URL or GHSA id → why it does not apply, and until when).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const exceptions = JSON.parse(fs.readFileSync(path.join(root, 'docs/audit-exceptions.json'), 'utf8')).exceptions;
const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  report = null;
}
if (!report || report.error || report.statusCode || !report.vulnerabilities) {
  console.error(
    `npm audit could not ask the registry (${report?.message ?? report?.error?.summary ?? result.stderr.trim().split('\n').pop()}): ` +
      'no verdict. Run it where the registry offers the audit endpoint (CI does).',
  );
  process.exit(2);
}
const today = new Date().toISOString().slice(0, 10);
const findings = [];
for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
  for (const via of vulnerability.via) {
    if (typeof via !== 'object' || !['high', 'critical'].includes(via.severity)) continue;
    const id = via.url ?? `${name}:${via.title}`;
    const explained = exceptions.find((entry) => id.endsWith(entry.advisory) && entry.until >= today);
    findings.push({ name, severity: via.severity, title: via.title, id, explained });
  }
}
for (const finding of findings) {
  const note = finding.explained
    ? `explained until ${finding.explained.until}: ${finding.explained.why}`
    : 'UNEXPLAINED';
  console.log(`${finding.severity.padEnd(8)} ${finding.name}: ${finding.title} (${finding.id}) — ${note}`);
}
const unexplained = findings.filter((finding) => !finding.explained);
console.log(
  `${findings.length} high/critical advisories in production dependencies, ${unexplained.length} unexplained.`,
);
process.exit(unexplained.length > 0 ? 1 : 0);
