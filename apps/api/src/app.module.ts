import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { SessionGuard } from './common/auth/session.guard.js';
import { Clock } from './common/clock.js';
import { CoreModule } from './common/core.module.js';
import { SecretBox } from './common/crypto/secret-box.js';
import { loadSecretKey } from './common/crypto/secret-key.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import type { AppConfig } from './config/app-config.js';
import { AttachmentsModule } from './modules/attachments/attachments.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { InspectionsModule } from './modules/inspections/inspections.module.js';
import { JobsModule } from './modules/jobs/jobs.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { MeasuresModule } from './modules/measures/measures.module.js';
import { ProblemsModule } from './modules/problems/problems.module.js';
import { UnitsModule } from './modules/units/units.module.js';
import { OutcomesModule } from './modules/outcomes/outcomes.module.js';
import { StatisticsModule } from './modules/statistics/statistics.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { PublicationsModule } from './modules/publications/publications.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { RemindersModule } from './modules/reminders/reminders.module.js';
import { ScoringModule } from './modules/scoring/scoring.module.js';
import { SupervisionOrdersModule } from './modules/supervision-orders/supervision-orders.module.js';
import { ReportRoundsModule } from './modules/report-rounds/report-rounds.module.js';
import { LookbacksModule } from './modules/lookbacks/lookbacks.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  dataSource: DataSource;
  clock?: Clock;
  // default: the configured key (SECRET_KEY, SECRET_KEY_FILE or the generated .data/secret.key)
  secretBox?: SecretBox;
}

function staticModules(webDist: string | undefined): DynamicModule[] {
  if (!webDist || !fs.existsSync(path.join(webDist, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: webDist,
      exclude: ['/api/{*path}'],
      serveStaticOptions: {
        setHeaders: (response, file) => {
          // hashed assets never change; index.html must be revalidated so a deploy is picked up at once
          const immutable = file.includes(`${path.sep}assets${path.sep}`);
          response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      },
    }),
  ];
}

@Module({})
export class AppModule {
  static forRoot({
    config,
    dataSource,
    clock = new Clock(),
    secretBox = new SecretBox(loadSecretKey(config).key),
  }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, clock, secretBox),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (request) => (request as { id?: string }).id ?? 'unknown',
            redact: {
              paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
              remove: true,
            },
            autoLogging: { ignore: (request) => request.url?.startsWith('/api/health') ?? false },
            customProps: (request) => ({ userId: (request as { actor?: { id: string } }).actor?.id }),
            serializers: {
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
              req: (request: { id: string; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                url: request.url.split('?')[0],
              }),
            },
          },
          forRoutes: ['{*path}'],
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
        ...staticModules(config.WEB_DIST),
        AuditModule,
        HealthModule,
        JobsModule,
        NotificationsModule,
        AuthModule,
        UsersModule,
        InspectionsModule,
        ProblemsModule,
        MeasuresModule,
        UnitsModule,
        OutcomesModule,
        StatisticsModule,
        AttachmentsModule,
        DocumentsModule,
        PublicationsModule,
        WebhooksModule,
        RemindersModule,
        SupervisionOrdersModule,
        ReportRoundsModule,
        LookbacksModule,
        ScoringModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
