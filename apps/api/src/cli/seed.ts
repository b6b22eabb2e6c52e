// npm run db:seed [-- --reset]: load the demo dataset into an empty database (--reset empties it first).
import 'reflect-metadata';
import { chinaDate } from '@zhenggai/domain';
import fs from 'node:fs';
import { DEMO_NOTICE_FILE } from '../paths.js';
import { isDatabaseEmpty, loadDemoData } from '../modules/seed/demo-seed.js';
import { openCliContext } from './context.js';

const context = await openCliContext();
try {
  if (process.argv.includes('--reset')) {
    // the audit trail refuses TRUNCATE, so a reset rebuilds the schema instead
    await context.dataSource.query('DROP SCHEMA public CASCADE');
    await context.dataSource.query('CREATE SCHEMA public');
    await context.dataSource.runMigrations({ transaction: 'each' });
    console.log('Database emptied.');
  }
  if (!(await isDatabaseEmpty(context.dataSource))) {
    console.log('The database already holds data: nothing loaded (use --reset to start over).');
  } else {
    const result = await loadDemoData(context.dataSource, fs.readFileSync(DEMO_NOTICE_FILE, 'utf8'), {
      today: chinaDate(new Date()),
    });
    console.log(
      `Demo data loaded: ${result.problems} problems, ${result.measures} measures, ${result.units} units, ${result.accounts} accounts.`,
    );
  }
} finally {
  await context.close();
}
