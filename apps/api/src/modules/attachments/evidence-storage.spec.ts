import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { LocalDiskStorage, newStorageKey } from './evidence-storage.js';

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-storage-'));
    storage = new LocalDiskStorage(root);
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('generates random keys with a two-character fan-out folder', () => {
    const key = newStorageKey();
    expect(key).toMatch(/^([0-9a-f]{2})\/\1[0-9a-f]{6}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.bin$/);
    expect(newStorageKey()).not.toBe(key);
  });

  it('stores, reads back and removes bytes under the root, leaving no temporary file', async () => {
    const key = newStorageKey();
    await storage.put(key, Buffer.from('佐证材料'));
    const file = path.join(root, key);
    expect(fs.readFileSync(file, 'utf8')).toBe('佐证材料');
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    await expect(text(storage.open(key))).resolves.toBe('佐证材料');
    await storage.remove(key);
    expect(fs.existsSync(file)).toBe(false);
    await expect(storage.remove(key)).resolves.toBeUndefined();
  });

  it('refuses keys it did not generate, so no key reaches outside the root', async () => {
    for (const key of ['../../etc/passwd', 'ab/../../x.bin', '/etc/passwd', 'ab/not-a-uuid.bin']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow('invalid storage key');
      expect(() => storage.open(key)).toThrow('invalid storage key');
    }
  });

  it('reports a missing file as a stream error', async () => {
    await expect(text(storage.open(newStorageKey()))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
