import { fileURLToPath } from 'node:url';

// Files next to the built API (ESM only: the tests never load this module).
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
export const DEMO_NOTICE_FILE = fileURLToPath(
  new URL('../../../fixtures/notices/wuhan-jkq-2024-07-18.txt', import.meta.url),
);
