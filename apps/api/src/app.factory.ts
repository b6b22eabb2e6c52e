import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { contentTypeGuard } from './common/http/content-type.middleware.js';
import { bodyErrorHandler, inputGuard } from './common/http/input-guard.middleware.js';
import { requestContext } from './common/http/request-context.js';
import { recordStaticHeaders } from './common/http/static-headers.js';
import { createValidationPipe } from './common/http/validation.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

function withRequestContext(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.header('x-request-id');
  const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (request as Request & { id: string }).id = id;
  response.setHeader('X-Request-Id', id);
  // API answers carry business or personal data: never stored by browsers or proxies
  if (request.path.startsWith('/api/')) response.setHeader('Cache-Control', 'no-store');
  requestContext.run({ requestId: id, ip: request.ip ?? null, actor: null, sessionId: null }, next);
}

// TRACE/TRACK echo requests back (cookies included): never served.
function refuseTrace(request: Request, response: Response, next: NextFunction): void {
  if (request.method !== 'TRACE' && request.method !== 'TRACK') return next();
  response.status(405).json({ code: 'METHOD_NOT_ALLOWED', message: '不支持此请求方式' });
}

/** helmet's headers, as every answer (API, static files, errors) carries them. */
export function securityHeaders() {
  return helmet({
    // plain-HTTP intranet deployments must not be upgraded to HTTPS by the browser
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: null,
        imgSrc: ["'self'", 'data:', 'blob:'],
        // evidence PDFs are previewed in a frame from a blob URL
        frameSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
      },
    },
    hsts: false,
  });
}

export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Zhenggai API')
    .setDescription('整改 — 巡视巡察整改工作台 API。会话 Cookie 认证；写操作需携带 X-CSRF-Token。')
    .setVersion('1')
    .addCookieAuth('zg_session')
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
}

/** The whole HTTP application: used by main.ts, the CLIs and the tests alike. */
export async function createApp(options: AppModuleOptions): Promise<NestExpressApplication> {
  const { config } = options;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  // no ETag on answers: every /api/ answer is no-store (nothing revalidates), and hashing each JSON body costs CPU;
  // static files keep theirs (serve-static sets its own)
  app.set('etag', false);
  app.use(recordStaticHeaders(securityHeaders()));
  app.use(refuseTrace);
  app.use(cookieParser());
  app.use(contentTypeGuard);
  // a committed notice carries its whole source text (up to 400,000 characters, ~1.2 MB in UTF-8) and its problems
  app.use('/api/imports/notice/commit', express.json({ limit: '4mb' }));
  app.use(express.json({ limit: '1mb' }));
  app.use(bodyErrorHandler);
  app.use(inputGuard);
  app.use(withRequestContext);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (config.SWAGGER_ENABLED) {
    SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
      jsonDocumentUrl: 'api/docs-json',
      yamlDocumentUrl: 'api/docs-yaml',
      customSiteTitle: 'Zhenggai API',
    });
  }
  return app;
}
