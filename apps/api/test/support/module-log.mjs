// `node --import <this file>`: every module the process imports through the ESM loader (all of our dist, and each
// package it imports, statically or by `import()`) is appended to the file MODULE_LOG, one URL a line. The
// idle-memory spec reads it to tell which heavy packages a process has loaded.
import { register } from 'node:module';

register(new URL('./module-log-hooks.mjs', import.meta.url), { data: { file: process.env.MODULE_LOG } });
