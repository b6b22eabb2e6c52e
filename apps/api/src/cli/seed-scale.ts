// npm run db:seed:scale [-- --measures 60000] [--reset]: add a province-sized synthetic dataset for statistics and
// benchmarks (about 200 inspections, 10,000 problems, 60,000 measures, 2,000 units). Nothing is removed unless --reset,
// which rebuilds the schema first. An empty database first receives the demo dataset (its accounts log in the bench).
import 'reflect-metadata';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Clock } from '../common/clock.js';
import { DEMO_NOTICE_FILE } from '../paths.js';
import { isDatabaseEmpty, loadDemoData } from '../modules/seed/demo-seed.js';
import { scaleSizes, seedScale } from '../modules/statistics/scale-seed.js';
import { openCliContext } from './context.js';

const { values: args } = parseArgs({
  options: { measures: { type: 'string', default: '60000' }, reset: { type: 'boolean', default: false } },
});
const measures = Number(args.measures);
if (!Number.isInteger(measures) || measures < 1 || measures > 5_000_000) {
  console.error('--measures must be a whole number between 1 and 5000000');
  process.exit(1);
}

const started = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const context = await openCliContext();
try {
  const today = new Clock().today();
  if (args.reset) {
    // the audit trail refuses TRUNCATE, so a reset rebuilds the schema instead
    await context.dataSource.query('DROP SCHEMA public CASCADE');
    await context.dataSource.query('CREATE SCHEMA public');
    await context.dataSource.runMigrations({ transaction: 'each' });
    console.log('Database emptied.');
  }
  if (await isDatabaseEmpty(context.dataSource)) {
    const demo = await loadDemoData(context.dataSource, fs.readFileSync(DEMO_NOTICE_FILE, 'utf8'), { today });
    console.log(
      `Demo data loaded first: ${demo.problems} problems, ${demo.measures} measures, ${demo.accounts} accounts.`,
    );
  }
  const size = scaleSizes(measures);
  console.log(
    `Generating ${size.inspections} inspections, ${size.problems} problems, ${size.measures} measures, ${size.units} units (today ${today}) …`,
  );
  const seeding = Date.now();
  const result = await seedScale(context.dataSource, { measures, today });
  console.log(
    [
      `Scale batch ${result.batch} added in ${seconds(seeding)} (${seconds(started)} in all):`,
      `  ${result.units} units, ${result.inspections} inspections, ${result.problems} problems, ${result.measures} measures,`,
      `  ${result.measureUnits} measure units, ${result.extensions} deadline extensions,`,
      `  ${result.accountabilityActions} accountability actions, ${result.rules} rules, ${result.funds} fund recoveries.`,
    ].join('\n'),
  );
} finally {
  await context.close();
}
