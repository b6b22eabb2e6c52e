import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { JOB_SCHEMA, JobsRepository, executorOf } from './jobs.repository.js';

export { JOB_SCHEMA } from './jobs.repository.js';
export const JOB_TIMEZONE = 'Asia/Shanghai';

export interface JobDefinition<T extends object = Record<string, unknown>> {
  /** The queue name: `<module>.<job>`, e.g. `users.dormant-accounts`. */
  name: string;
  /** What the job does, in Chinese, for the jobs page. */
  label: string;
  /** When it runs by itself (cron, China time), e.g. `30 2 * * *`; none: only when sent. */
  cron?: string;
  /**
   * How many attempts after the first (default 2), the seconds before the first retry (default 30), doubled each time
   * when `retryBackoff` (the default).
   */
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  /** Runs one job; what it returns is kept as the run's output. A throw fails this attempt (retried if any left). */
  handler: (data: T, run: JobRun) => Promise<unknown>;
}

/** The attempt being worked: its job id and which attempt it is (1 for the first). */
export interface JobRun {
  id: string;
  attempt: number;
}

export interface SendOptions {
  /** Two sends with one key make one job while the first is queued or running. */
  singletonKey?: string;
  /** Not before this many seconds from now. */
  startAfterSeconds?: number;
  /** Not before this moment. */
  startAfter?: Date;
}

/**
 * The background jobs: pg-boss on our own PostgreSQL (schema `pgboss`), so that any number of API processes share
 * one queue and one schedule. Modules define their jobs in their constructors; at bootstrap every process creates the
 * queues, and the processes with `JOBS=on` also work them and keep their schedules. A scheduled job runs once per slot
 * however many processes are on (pg-boss lets one process a minute look at the schedules, and sends each slot's job
 * with a singleton key). Every queue has the `short` policy: one queued job per singleton key.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition<object>>();
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private readonly queues = new Map<string, Promise<void>>();
  /** This process's worker of each queue it works (JOBS=on), by queue name. */
  private readonly workers = new Map<string, string>();
  private bootstrapped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly repository: JobsRepository,
  ) {}

  /** Whether this process works the queues (JOBS=on). */
  get working(): boolean {
    return this.config.JOBS === 'on';
  }

  /** Registers a job. Called from constructors; a definition made after bootstrap is set up at once. */
  async define<T extends object>(definition: JobDefinition<T>): Promise<void> {
    if (this.definitions.has(definition.name)) throw new Error(`job ${definition.name} is defined twice`);
    this.definitions.set(definition.name, definition as unknown as JobDefinition<object>);
    if (this.bootstrapped && this.working) await this.setUp(definition as unknown as JobDefinition<object>);
  }

  list(): JobDefinition<object>[] {
    return [...this.definitions.values()];
  }

  get(name: string): JobDefinition<object> | undefined {
    return this.definitions.get(name);
  }

  /** Queues a job; returns its id, or null when a job with the same singleton key is already queued. */
  async send(name: string, data: object = {}, options: SendOptions = {}): Promise<string | null> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`unknown job ${name}`);
    const boss = await this.start();
    await this.createQueue(boss, definition);
    const id = await boss.send(name, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    });
    // a job due now wakes this process's worker of the queue, if it has one, instead of waiting for its next poll
    // (up to JOBS_POLL_SECONDS: a user watching an export's progress saw it start 0–2 s late); another process's
    // worker may still take it first, as before
    const workerId = this.workers.get(name);
    if (id !== null && workerId && !options.startAfterSeconds && !options.startAfter) boss.notifyWorker(workerId);
    return id;
  }

  /**
   * Queues one job per item in one statement, inside the caller's transaction: the jobs exist exactly when what they
   * are about is committed (a rolled-back notification sends no mail). Every item needs its own singleton key: the
   * queues keep one queued job per key, so items without distinct keys would be dropped but one.
   */
  async sendMany(
    name: string,
    items: { data: object; singletonKey: string; startAfter?: Date }[],
    manager: EntityManager,
  ): Promise<void> {
    if (items.length === 0) return;
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`unknown job ${name}`);
    const boss = await this.start();
    await this.createQueue(boss, definition);
    await boss.insert(
      items.map(({ data, singletonKey, startAfter }) => ({
        name,
        data,
        singletonKey,
        ...(startAfter ? { startAfter: startAfter.toISOString() } : {}),
      })),
      { db: executorOf(manager) },
    );
  }

  /** Puts a failed job back in its queue. */
  async retry(name: string, id: string): Promise<void> {
    const boss = await this.start();
    await boss.retry(name, id);
  }

  /** JOBS=on: starts pg-boss and works every queue. JOBS=off: pg-boss starts only when the process queues a job. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.working) {
      await this.repository.withSetupLock(async () => {
        for (const definition of this.definitions.values()) await this.setUp(definition);
      });
    }
    this.bootstrapped = true;
  }

  async onApplicationShutdown(): Promise<void> {
    const starting = this.starting;
    this.starting = null;
    this.boss = null;
    this.queues.clear();
    this.workers.clear();
    if (!starting) return;
    const boss = await starting.catch(() => null);
    // a running job may finish (up to 10 s); the connections close in any case
    await boss?.stop({ graceful: true, timeout: 10_000, wait: true, close: true }).catch(() => undefined);
    // pg-boss 10 stops each worker through offWork, which then checks in a detached loop once a second until the
    // worker has left its polling loop; once the connections are closed every worker leaves at its next check, so a
    // little over a second lets that loop end while this process (or a test's module registry) still exists
    if (boss && this.working) await sleep(1100);
  }

  private start(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const url = (this.dataSource.options as { url?: string }).url;
      if (!url) throw new Error('the background jobs need the database URL of the DataSource');
      const boss = new PgBoss({
        connectionString: url,
        schema: JOB_SCHEMA,
        application_name: 'zhenggai-jobs',
        max: 4,
        supervise: this.working,
        schedule: this.working,
        cronMonitorIntervalSeconds: this.config.JOBS_SCHEDULE_CHECK_SECONDS,
        cronWorkerIntervalSeconds: Math.min(5, this.config.JOBS_SCHEDULE_CHECK_SECONDS),
        // finished runs move to pgboss.archive after a day and stay there for the jobs page for 30 days
        archiveCompletedAfterSeconds: 86_400,
        deleteAfterDays: 30,
      });
      boss.on('error', (error: Error) => this.logger.error(`pg-boss: ${error.message}`));
      try {
        await boss.start();
      } catch (error) {
        await boss.stop({ graceful: false, close: true, wait: false }).catch(() => undefined);
        throw error;
      }
      this.boss = boss;
      return boss;
    })();
    // a start that failed (PostgreSQL unreachable) is tried again by the next call, not remembered for ever
    const starting = this.starting;
    starting.catch(() => {
      if (this.starting === starting) this.starting = null;
    });
    return starting;
  }

  private createQueue(boss: PgBoss, definition: JobDefinition<object>): Promise<void> {
    const { name } = definition;
    let created = this.queues.get(name);
    if (!created) {
      const options = {
        policy: 'short' as const,
        retryLimit: definition.retryLimit ?? 2,
        retryDelay: definition.retryDelay ?? 30,
        retryBackoff: definition.retryBackoff ?? true,
      };
      // createQueue keeps an existing queue's options: the definition's current ones are applied by updateQueue
      created = boss.createQueue(name, { name, ...options }).then(() => boss.updateQueue(name, { name, ...options }));
      this.queues.set(name, created);
      // a failure (a deadlock with another process creating the same queue, the database away) is tried again by
      // the next call instead of being remembered
      const attempt = created;
      attempt.catch(() => {
        if (this.queues.get(name) === attempt) this.queues.delete(name);
      });
    }
    return created;
  }

  private async setUp(definition: JobDefinition<object>): Promise<void> {
    const boss = await this.start();
    const { name } = definition;
    await this.createQueue(boss, definition);
    if (definition.cron) await boss.schedule(name, definition.cron, {}, { tz: JOB_TIMEZONE });
    else await boss.unschedule(name);
    let workerId: string | null = null;
    workerId = await boss.work<object>(
      name,
      { pollingIntervalSeconds: this.config.JOBS_POLL_SECONDS, batchSize: 1, includeMetadata: true },
      async ([job]) => {
        const startedAt = Date.now();
        try {
          const output = await definition.handler(job.data ?? {}, { id: job.id, attempt: job.retryCount + 1 });
          this.logger.log(`${name} done in ${Date.now() - startedAt} ms`);
          return output ?? null;
        } catch (error) {
          this.logger.error(`${name} failed: ${(error as Error).message}`);
          throw error;
        } finally {
          // a queue with work keeps its worker busy: fetch the next job at once instead of after the polling
          // interval (pg-boss waits a whole interval per fetch, which made a bulk 催办's mails trickle at 0.5/s)
          if (workerId) boss.notifyWorker(workerId);
        }
      },
    );
    this.workers.set(name, workerId);
  }
}
