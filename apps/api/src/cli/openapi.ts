// npm run api:generate: write the OpenAPI document that packages/api-client is generated from.
import 'reflect-metadata';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument, createApp } from '../app.factory.js';
import { openCliContext } from './context.js';

const target = fileURLToPath(new URL('../../../../packages/api-client/openapi.json', import.meta.url));
const context = await openCliContext();
try {
  const app = await createApp({
    config: { ...context.config, LOG_LEVEL: 'warn', SWAGGER_ENABLED: false },
    dataSource: context.dataSource,
  });
  await app.init();
  fs.writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
  console.log(`Wrote ${target}`);
} finally {
  await context.close();
}
