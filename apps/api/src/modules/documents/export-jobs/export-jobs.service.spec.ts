import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { FixedClock } from '../../../common/clock.js';
import { ExportJobsService } from './export-jobs.service.js';

// The worker without a database: the progress it reports while LedgerExportService.write runs.
describe('ExportJobsService.run', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-export-jobs-'));
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('writes at most ~2 progress updates a second, never 100 before the file is in place', async () => {
    const id = '0b7e1f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
    const updates: number[] = [];
    const repository = {
      find: async () => ({ id, inspectionId: 'i', filter: {}, scope: { all: true } }),
      start: async () => true,
      progress: async (_id: string, percent: number) => void updates.push(percent),
      finish: jest.fn(async (_id: string, _bytes: number, _at: Date) => true),
      fail: jest.fn(async () => undefined),
    };
    let now = 0;
    const dateNow = jest.spyOn(Date, 'now').mockImplementation(() => now);
    // 1,000 batches 10 ms apart (10 s): about 20 updates
    const ledgerExport = {
      write: async (
        _inspection: unknown,
        _filter: unknown,
        _scope: unknown,
        output: Writable,
        options: { onProgress: (done: number, total: number) => Promise<void> },
      ) => {
        for (let batch = 1; batch <= 1000; batch++) {
          now += 10;
          await options.onProgress(batch, 1000);
        }
        output.end('xlsx');
      },
    };
    const jobs = { define: async () => undefined };
    const service = new ExportJobsService(
      repository as never,
      { findInspection: async () => ({ id: 'i' }) } as never,
      ledgerExport as never,
      {} as never,
      jobs as never,
      new FixedClock(new Date('2024-03-01T04:00:00Z')),
      {} as never,
      { UPLOAD_DIR: root } as never,
    );
    try {
      await service.run(id, { attempt: 1 });
    } finally {
      dateNow.mockRestore();
    }
    expect(updates.length).toBeGreaterThanOrEqual(19);
    expect(updates.length).toBeLessThanOrEqual(21);
    expect(Math.max(...updates)).toBe(99);
    expect(updates).toEqual([...updates].sort((a, b) => a - b));
    expect(repository.finish).toHaveBeenCalledWith(id, 4, expect.any(Date));
    expect(fs.readFileSync(path.join(root, 'exports', `${id}.xlsx`), 'utf8')).toBe('xlsx');
    expect(repository.fail).not.toHaveBeenCalled();
  });
});
