#!/usr/bin/env node
// `devdb` starts the embedded PostgreSQL and waits; `devdb -- <command>` runs the command with DATABASE_URL set.
import { spawn } from 'node:child_process';
import { ensureDatabase } from './index.js';

const separator = process.argv.indexOf('--');
const command = separator >= 0 ? process.argv.slice(separator + 1) : [];
const db = await ensureDatabase({ url: process.env.DATABASE_URL, log: () => {} });
console.log(`PostgreSQL ready: ${db.url}`);
if (command.length === 0) {
  const stop = async () => {
    await db.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  const child = spawn(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: db.url },
  });
  child.on('exit', async (code) => {
    await db.stop();
    process.exit(code ?? 1);
  });
}
