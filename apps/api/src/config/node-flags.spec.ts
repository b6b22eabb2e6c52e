import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// the repository's root, from apps/api/src/config (the specs run as CommonJS)
const ROOT = path.resolve(__dirname, '../../../..');
const MAIN = 'apps/api/dist/main.js';

/** The node flags before the API's entry in `npm start` (root package.json). */
function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } })
    .scripts.start;
  const match = /(?:^|&& )node ((?:--\S+ )*)apps\/api\/dist\/main\.js/.exec(start);
  if (!match) throw new Error(`npm start does not run node … ${MAIN}: ${start}`);
  return match[1].split(' ').filter(Boolean);
}

/** The node flags before the API's entry in the image's CMD (Dockerfile). */
function imageFlags(): string[] {
  const line = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .find((each) => each.startsWith('CMD '));
  const command = JSON.parse(line!.slice(4)) as string[];
  expect(command[0]).toBe('node');
  expect(command.at(-1)).toBe(MAIN);
  return command.slice(1, -1);
}

describe('the node flags the API runs with', () => {
  it('are the same for npm start and the container image (and the bench reads npm start’s)', () => {
    expect(imageFlags()).toEqual(startFlags());
  });

  it('cap the young generation at 4 MB a semi-space (issue 28: the 60k export peaked 263–271 MB without, 199–203 with)', () => {
    expect(startFlags()).toContain('--max-semi-space-size=4');
  });
});
