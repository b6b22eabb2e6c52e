// npm run reminders:sweep [-- --day YYYY-MM-DD]: run the daily reminder sweep once, now (or as on that China calendar
// day at 08:30), and say what it sent and how long it took. Safe to repeat: a reminder already sent is not sent again.
// The API's job queue runs the same sweep every day at 08:30; this is for operators and for measuring it.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createApp } from '../app.factory.js';
import { Clock, FixedClock } from '../common/clock.js';
import { ReminderSweepService } from '../modules/reminders/reminder-sweep.service.js';
import { openCliContext } from './context.js';

const { values: args } = parseArgs({ options: { day: { type: 'string' } } });
if (args.day && !/^\d{4}-\d{2}-\d{2}$/.test(args.day)) {
  console.error('--day must be a date: YYYY-MM-DD');
  process.exit(1);
}
const context = await openCliContext();
try {
  const clock = args.day ? new FixedClock(new Date(`${args.day}T08:30:00+08:00`)) : new Clock();
  const app = await createApp({
    config: { ...context.config, LOG_LEVEL: 'warn', SWAGGER_ENABLED: false, JOBS: 'off' },
    dataSource: context.dataSource,
    clock,
  });
  await app.init();
  const started = performance.now();
  const result = await app.get(ReminderSweepService).sweep();
  const ms = performance.now() - started;
  console.log(
    `Reminder sweep of ${result.day}: ${result.reminders} reminder(s), ${result.notifications} notification(s) in ${(ms / 1000).toFixed(2)} s.`,
  );
  await app.close();
} finally {
  await context.close();
}
