#!/usr/bin/env node
// npm run sbom [-- --out FILE]: the CycloneDX SBOM of what production runs (dependencies without devDependencies),
// from package-lock.json by npm's own `npm sbom`. Default: sbom.cdx.json in the repository root (not committed;
// CI keeps it as an artefact).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--out');
const out = path.resolve(at >= 0 ? process.argv[at + 1] : path.join(root, 'sbom.cdx.json'));
const result = spawnSync(
  'npm',
  ['sbom', '--sbom-format', 'cyclonedx', '--omit', 'dev', '--package-lock-only', '--sbom-type', 'application'],
  { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
if (result.status !== 0) {
  console.error(result.stderr || 'npm sbom failed');
  process.exit(1);
}
const sbom = JSON.parse(result.stdout);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
// npm names the root component after the folder it was run in: name it after the package
Object.assign(sbom.metadata.component, { name: pkg.name, version: pkg.version });
fs.writeFileSync(out, `${JSON.stringify(sbom, null, 2)}\n`);
const licences = new Set(
  sbom.components.flatMap((component) =>
    (component.licenses ?? []).map((entry) => entry.license?.id ?? entry.expression),
  ),
);
console.log(
  `SBOM (CycloneDX ${sbom.specVersion}) written to ${path.relative(process.cwd(), out) || out}: ` +
    `${sbom.components.length} production components, ${licences.size} licences.`,
);
