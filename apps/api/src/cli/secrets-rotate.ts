// npm run secrets:rotate -- --new-key-file FILE: re-seals every secret at rest (TOTP secrets, webhook signing
// secrets) from the configured key (SECRET_KEY, SECRET_KEY_FILE or .data/secret.key) to the key in FILE (the base64
// of 32 bytes: `openssl rand -base64 32 > FILE`), in one transaction. Stop the API first: a process still holding
// the old key could write a value sealed under it, and cannot open the re-sealed ones.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { rotateSecretKey } from '../common/crypto/secret-rotation.js';
import { ConfigError } from '../config/app-config.js';
import { openCliContext } from './context.js';

const { values: args } = parseArgs({ options: { 'new-key-file': { type: 'string' } } });
const newKeyFile = args['new-key-file'];
if (!newKeyFile) {
  console.error('Usage: npm run secrets:rotate -- --new-key-file FILE   (FILE: openssl rand -base64 32 > FILE)');
  process.exit(2);
}
const context = await openCliContext();
try {
  const result = await rotateSecretKey(context.dataSource, context.config, newKeyFile);
  console.log(
    `Re-sealed ${result.resealed} secret(s): key ${result.fromKeyId} → ${result.toKeyId}, in one transaction.`,
  );
  if (result.replacedFile) {
    console.log(
      `The key file ${result.replacedFile} now holds the new key (replaced atomically). Start the API again.`,
    );
  } else {
    console.log(
      `Now point SECRET_KEY_FILE at ${newKeyFile} (or set SECRET_KEY to its content) and start the API again;\n` +
        `the old key no longer opens anything: destroy it once the new one is backed up (apart from the database).`,
    );
  }
} catch (error) {
  console.error(
    error instanceof ConfigError ? error.message : `Rotation failed, nothing changed: ${(error as Error).message}`,
  );
  process.exitCode = 1;
} finally {
  await context.close();
}
