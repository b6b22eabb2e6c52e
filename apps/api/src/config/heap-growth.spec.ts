import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './app-config.js';
import { applyHeapGrowth } from './heap-growth.js';

describe('HEAP_GROWING_PERCENT', () => {
  it('defaults to 20 %, takes 0 for V8’s own rule, and refuses what is not a percentage up to 400', () => {
    expect(loadConfig({}).HEAP_GROWING_PERCENT).toBe(20);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT).toBe(0);
    for (const bad of ['-1', '401', 'twenty', '1.5']) expect(() => loadConfig({ HEAP_GROWING_PERCENT: bad })).toThrow();
  });

  it('passes the percentage to V8, and nothing for 0', () => {
    const flags: string[] = [];
    applyHeapGrowth(20, (value) => void flags.push(value));
    applyHeapGrowth(0, (value) => void flags.push(value));
    expect(flags).toEqual(['--heap-growing-percent=20']);
  });
});
