import fs from 'node:fs';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

// Every setting the API reads, from the environment, validated at boot. Nothing else reads process.env.
// Each variable is listed with its default in .env.example.
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  // unset: an embedded PostgreSQL is started with its data under EMBEDDED_PG_DIR
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DIR = '.data/pg';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  // statement_timeout for API queries, in milliseconds: a statement cut by it answers 503 DATABASE_TIMEOUT
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DB_STATEMENT_TIMEOUT_MS = 15000;

  // lock_timeout: how long a statement waits for a row or table lock, in milliseconds (then 503 DATABASE_TIMEOUT)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DB_LOCK_TIMEOUT_MS = 10000;

  // idle_in_transaction_session_timeout: a session left idle inside a transaction this long is ended by PostgreSQL,
  // releasing its locks, in milliseconds
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60000;

  // on SIGTERM/SIGINT: how long requests in flight may take to finish before their connections are cut, in
  // milliseconds (keep it under the orchestrator's kill grace period, e.g. Docker's stop_grace_period)
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10 * 60_000)
  SHUTDOWN_TIMEOUT_MS = 25000;

  // auto: load the demo dataset when the database holds no inspection and no user; off: never
  @IsIn(['auto', 'off'])
  DEMO_DATA: 'auto' | 'off' = 'auto';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 7)
  SESSION_ABSOLUTE_HOURS = 12;

  // auto: Secure cookie when the request arrived over HTTPS
  @IsIn(['auto', 'true', 'false'])
  COOKIE_SECURE: 'auto' | 'true' | 'false' = 'auto';

  // days a password may be used before it must be changed (等保 "定期更换"); 0 = no maximum age
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  PASSWORD_MAX_AGE_DAYS = 90;

  // how many of the latest passwords may not be used again
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24)
  PASSWORD_HISTORY_COUNT = 5;

  // consecutive failed sign-ins (password or second factor) that lock an account, and for how long
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOGIN_LOCK_MINUTES = 15;

  // failures from one client address lock the account for that address only (LOGIN_MAX_FAILURES); this many
  // consecutive failures over all addresses lock it for everyone (a guess spread over many addresses)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_ACCOUNT_MAX_FAILURES = 50;

  // sign-in attempts (password and second-factor steps) per client IP per minute, in this process
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_RATE_PER_MINUTE = 30;

  // second factor (TOTP) for the task force and the three admin roles; auto: required when NODE_ENV=production
  @IsIn(['auto', 'true', 'false'])
  MFA_REQUIRED: 'auto' | 'true' | 'false' = 'auto';

  // accounts without a sign-in for this many days are disabled by a daily job; 0 = never
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  ACCOUNT_DORMANT_DAYS = 90;

  // on: this process runs the background jobs (pg-boss workers and schedules); off: it only queues them
  @IsIn(['on', 'off'])
  JOBS: 'on' | 'off' = 'on';

  // how often an idle worker asks PostgreSQL for a job, in seconds (pg-boss' minimum is 0.5)
  @Transform(toInt)
  @IsNumber()
  @Min(0.5)
  @Max(60)
  JOBS_POLL_SECONDS = 2;

  // how often a process with JOBS=on looks for scheduled jobs that are due, in seconds (one process a period does)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(45)
  JOBS_SCHEDULE_CHECK_SECONDS = 30;

  // outgoing mail: smtp://user:pass@host:587 or smtps://…:465; unset: the email channel is off (in-app only)
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  // the sender of every mail, e.g. "整改专班 <zhenggai@example.gov.cn>"; required when SMTP_URL is set
  @IsOptional()
  @IsString()
  MAIL_FROM?: string;

  // seconds before a failed mail is sent again (doubled each time, 5 more attempts)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  MAIL_RETRY_DELAY_SECONDS = 60;

  // the address users open the app at, for links in mail (default http://localhost:PORT)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL must be an http:// or https:// URL' })
  PUBLIC_URL?: string;

  // outbound webhooks: seconds before the first retry of a failed delivery (doubled each time, 5 retries)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  WEBHOOK_RETRY_DELAY_SECONDS = 30;

  // outbound webhooks: host names or IP addresses allowed although they resolve to a private, loopback or reserved
  // address (comma-separated, e.g. an intranet chat server); every other such target is refused
  @IsString()
  WEBHOOK_ALLOWED_HOSTS = '';

  // trust X-Forwarded-* from this many proxies (0 = none)
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(5)
  TRUST_PROXY_HOPS = 0;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  // how far V8 lets the old generation grow past what survived its last full collection before collecting again,
  // in percent (V8's --heap-growing-percent; 0 = V8's own rule, which lets this process's heap double): the ledger
  // export's dead rows are collected sooner, so its peak stays near what is live (docs/performance.md)
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(400)
  HEAP_GROWING_PERCENT = 20;

  @Transform(toBool)
  @IsBoolean()
  SWAGGER_ENABLED = true;

  // where evidence files live: `local` (the folder UPLOAD_DIR) or `s3` (an S3-compatible bucket: MinIO, OSS, COS…)
  // a pending Idempotency-Key older than this, whose request committed nothing, is taken over by a retry (its first
  // request died); longer than any request may run
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(86400)
  IDEMPOTENCY_STALE_SECONDS = 120;

  @IsIn(['local', 's3'])
  EVIDENCE_STORAGE: 'local' | 's3' = 'local';

  @IsString()
  UPLOAD_DIR = '.data/uploads';

  // S3-compatible storage (EVIDENCE_STORAGE=s3): the endpoint (unset: AWS itself), bucket, optional key prefix;
  // credentials from S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY (or their *_FILE), else the SDK's default chain
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'S3_ENDPOINT must be an http(s):// URL' })
  S3_ENDPOINT?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a valid bucket name' })
  S3_BUCKET?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9!_.*'()/-]{0,200}$/, { message: "S3_PREFIX may hold letters, digits and !_.*'()/- only" })
  S3_PREFIX?: string;

  // path-style URLs (http://host:9000/bucket/key), as MinIO expects
  @Transform(toBool)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = true;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  // one evidence file, in bytes; uploads are held in memory while checked, hence the hard ceiling
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(256 * 1024 * 1024)
  UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

  // live evidence files per measure
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  UPLOAD_MAX_FILES_PER_MEASURE = 50;

  // declared uncompressed size of a zip-based document (docx, xlsx, pptx, ofd), in bytes: refuses zip bombs
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(4 * 1024 * 1024 * 1024)
  UPLOAD_MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

  // audit events are kept at least this many days (网络安全法: ≥ 6 months); the purge job never deletes younger rows
  @Transform(toInt)
  @IsInt()
  @Min(184)
  @Max(36500)
  AUDIT_RETENTION_DAYS = 365;

  // exports per account per minute (document and spreadsheet downloads)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  EXPORT_RATE_PER_MINUTE = 20;

  // evidence uploads per account per minute
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  UPLOAD_RATE_PER_MINUTE = 30;

  // opinions on a public notice (通报) per client IP per minute: the one write open without a session
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  FEEDBACK_RATE_PER_MINUTE = 20;

  // the key sealing TOTP and webhook secrets in the database (AES-256-GCM): the base64 of 32 bytes
  // (openssl rand -base64 32), or SECRET_KEY_FILE, a file holding it. Neither: .data/secret.key, generated once
  // next to EMBEDDED_PG_DIR — refused in production with DATABASE_URL
  @IsOptional()
  @IsString()
  SECRET_KEY?: string;

  @IsOptional()
  @IsString()
  SECRET_KEY_FILE?: string;

  // the built SPA served on the same port; empty to serve the API only
  @IsOptional()
  @IsString()
  WEB_DIST?: string;
}

export class ConfigError extends Error {}

// settings without a default, which the loop over a fresh AppConfig's keys does not see
export const OPTIONAL_KEYS = [
  'DATABASE_URL',
  'WEB_DIST',
  'SMTP_URL',
  'MAIL_FROM',
  'PUBLIC_URL',
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_PREFIX',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'SECRET_KEY',
  'SECRET_KEY_FILE',
];

// secrets that may instead be given as a file (Docker/Kubernetes secrets): KEY_FILE=/run/secrets/… (SECRET_KEY_FILE
// is its own setting, read by common/crypto/secret-key.ts: unset, a key file is generated)
export const FILE_KEYS = ['DATABASE_URL', 'SMTP_URL', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];

function readSecretFile(key: string, env: NodeJS.ProcessEnv): string | undefined {
  const file = FILE_KEYS.includes(key) ? env[`${key}_FILE`] : undefined;
  if (!file) return undefined;
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

const SECRET_KEY_FORMAT = /^[A-Za-z0-9+/]{43}=$/;

// the key itself is never echoed
function secretKeyProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  if (config.SECRET_KEY && config.SECRET_KEY_FILE)
    problems.push('  SECRET_KEY, SECRET_KEY_FILE: 只能设置其一 / set one of them, not both');
  if (config.SECRET_KEY && !SECRET_KEY_FORMAT.test(config.SECRET_KEY.trim()))
    problems.push(
      '  SECRET_KEY=(hidden): 须为 32 字节密钥的 base64 / must be the base64 of exactly 32 bytes (openssl rand -base64 32)',
    );
  if (config.NODE_ENV === 'production' && config.DATABASE_URL && !config.SECRET_KEY && !config.SECRET_KEY_FILE)
    problems.push(
      '  SECRET_KEY_FILE="": 生产环境必须配置加密密钥 / required in production (NODE_ENV=production with DATABASE_URL): ' +
        'the key that seals TOTP and webhook secrets; keep it outside the database and its backups',
    );
  return problems;
}

/** Reads and validates the configuration; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const input: Record<string, string> = {};
  for (const key of [...known, ...OPTIONAL_KEYS]) {
    const value = env[key] ?? readSecretFile(key, env);
    if (value !== undefined && value !== '') input[key] = value;
  }
  const config = plainToInstance(AppConfig, input);
  const errors = validateSync(config, { whitelist: true });
  const lines = errors.map(
    (error) =>
      `  ${error.property}=${JSON.stringify(input[error.property])}: ${Object.values(error.constraints ?? {}).join('; ')}`,
  );
  if (config.SMTP_URL && !config.MAIL_FROM) lines.push('  MAIL_FROM="": required when SMTP_URL is set');
  if (config.LOGIN_ACCOUNT_MAX_FAILURES < config.LOGIN_MAX_FAILURES) {
    lines.push(
      `  LOGIN_ACCOUNT_MAX_FAILURES=${config.LOGIN_ACCOUNT_MAX_FAILURES}: must not be below LOGIN_MAX_FAILURES`,
    );
  }
  if (config.EVIDENCE_STORAGE === 's3' && !config.S3_BUCKET) {
    lines.push('  S3_BUCKET="": required when EVIDENCE_STORAGE=s3');
  }
  for (const key of FILE_KEYS) {
    const file = env[`${key}_FILE`];
    if (file && env[key] === undefined && readSecretFile(key, env) === undefined) {
      lines.push(`  ${key}_FILE=${JSON.stringify(file)}: the file cannot be read`);
    }
  }
  lines.push(...secretKeyProblems(config));
  if (lines.length > 0) {
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  return config;
}
