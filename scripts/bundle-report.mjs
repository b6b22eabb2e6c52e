#!/usr/bin/env node
// What a first visit of each route downloads (JS, gzip), from the Vite manifest of `npm run build -w @zhenggai/web`:
// the entry and its static imports, the signed-in shell for app pages, and the route's lazy chunk with its imports. Fails when the login route
// exceeds its budget. Usage: node scripts/bundle-report.mjs [--markdown]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '..', 'apps', 'web', 'dist');
const LOGIN_BUDGET_KB = 300;
const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8'));

const sizes = new Map();
function gzipKb(file) {
  if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024);
  return sizes.get(file);
}

// every JS file a chunk needs before it runs: itself and its static imports, transitively
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const entry = closure(entryKey);
// the signed-in pages render inside the shell of app/routes/app/root.tsx, which loads first
const rootKey = Object.keys(manifest).find((key) => key.endsWith('src/app/routes/app/root.tsx'));
const routes = Object.keys(manifest)
  .filter((key) => /src\/app\/routes\/.+\.tsx$/.test(key) && !key.endsWith('.test.tsx'))
  .map((key) => {
    const files = closure(key, new Set(entry));
    if (rootKey && key.includes('/routes/app/')) closure(rootKey, files);
    const kb = [...files].filter((file) => file.endsWith('.js')).reduce((sum, file) => sum + gzipKb(file), 0);
    return { route: key.replace(/^.*src\/app\/routes\//, '').replace(/\.tsx$/, ''), kb };
  })
  .sort((a, b) => a.route.localeCompare(b.route));

const markdown = process.argv.includes('--markdown');
if (markdown) console.log('| route module | JS gzip |\n|---|---:|');
for (const { route, kb } of routes)
  console.log(
    markdown ? `| \`${route}\` | ${kb.toFixed(1)} KB |` : `${route.padEnd(28)} ${kb.toFixed(1).padStart(7)} KB`,
  );

const login = routes.find((each) => each.route === 'auth/login');
if (!login) {
  console.error('the login route is missing from the manifest');
  process.exit(1);
}
if (login.kb > LOGIN_BUDGET_KB) {
  console.error(`login route ${login.kb.toFixed(1)} KB gzip exceeds its budget of ${LOGIN_BUDGET_KB} KB`);
  process.exit(1);
}
