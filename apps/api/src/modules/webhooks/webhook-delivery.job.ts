import { Injectable, Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { SecretBox } from '../../common/crypto/secret-box.js';
import { secretAad, WEBHOOK_SECRET } from '../../common/crypto/sealed-secrets.js';
import { AppConfig } from '../../config/app-config.js';
import { JobsService } from '../jobs/jobs.service.js';
import { checkWebhookUrl, parseAllowedHosts, systemLookup, type HostLookup } from './url-guard.js';
import { WebhooksRepository } from './webhooks.repository.js';

export const WEBHOOK_DELIVER_JOB = 'webhooks.deliver';

export interface DeliverJobData {
  messageId: string;
  webhookId: string;
  event: string;
}

const TIMEOUT_MS = 10_000;
const ERROR_MAX = 500;
// a robot's answer is short; more than this is not read
const RESPONSE_READ_MAX = 64 * 1024;

/** `sha256=<hex HMAC-SHA256 of the raw body>`: what X-Zhenggai-Signature carries. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Whether an answer is a delivery: 2xx, and not a robot's refusal — WeCom and DingTalk answer 200 with
 * `{"errcode": n, "errmsg": …}`, n ≠ 0 when they refused the message.
 */
export function answerFailure(status: number, text: string): string | null {
  if (status < 200 || status > 299) return `HTTP ${status}${text ? `: ${text.slice(0, ERROR_MAX)}` : ''}`;
  try {
    const json = JSON.parse(text) as { errcode?: unknown };
    if (json && typeof json === 'object' && 'errcode' in json && Number(json.errcode) !== 0)
      return `errcode ${String(json.errcode)}: ${text.slice(0, ERROR_MAX)}`;
  } catch {
    // not JSON: the status decides
  }
  return null;
}

async function readSome(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_READ_MAX) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// The job `webhooks.deliver`: one POST of one stored message; every attempt is a row of webhook_delivery, a failed
// attempt throws so that pg-boss retries it (5 times, WEBHOOK_RETRY_DELAY_SECONDS doubled each time).
@Injectable()
export class WebhookDeliveryJob {
  private readonly logger = new Logger('Webhooks');
  private readonly allowedHosts: string[];
  lookup: HostLookup = systemLookup;

  constructor(
    jobs: JobsService,
    private readonly repository: WebhooksRepository,
    config: AppConfig,
    private readonly box: SecretBox,
  ) {
    this.allowedHosts = parseAllowedHosts(config.WEBHOOK_ALLOWED_HOSTS);
    void jobs.define<DeliverJobData>({
      name: WEBHOOK_DELIVER_JOB,
      label: '外部推送（Webhook）投递',
      retryLimit: 5,
      retryDelay: config.WEBHOOK_RETRY_DELAY_SECONDS,
      retryBackoff: true,
      handler: (data) => this.deliver(data.messageId),
    });
  }

  async deliver(messageId: string): Promise<{ attempt: number; status: number } | { skipped: string }> {
    const message = await this.repository.messageToDeliver(messageId);
    if (!message) return { skipped: 'message not found' };
    if (message.deleted_at) return { skipped: 'webhook deleted' };
    const startedAt = Date.now();
    let httpStatus: number | null = null;
    let failure: string | null;
    try {
      let secret: string;
      try {
        secret = this.box.open(message.secret, secretAad(WEBHOOK_SECRET, message.webhook_id));
      } catch (error) {
        this.logger.error(
          `webhook ${message.webhook_id}: the signing secret does not open: ${(error as Error).message}`,
        );
        throw new Error('签名密钥无法解密（SECRET_KEY 不符或数据被改动）', { cause: error });
      }
      // again at each attempt: the name may resolve to another address than when the webhook was created
      const url = await checkWebhookUrl(message.url, this.allowedHosts, this.lookup);
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Zhenggai-Webhook/1',
          'X-Zhenggai-Event': message.event,
          'X-Zhenggai-Delivery': message.id,
          'X-Zhenggai-Signature': signBody(secret, message.body),
        },
        body: message.body,
      });
      httpStatus = response.status;
      failure = answerFailure(response.status, await readSome(response));
    } catch (error) {
      const cause = (error as { cause?: { message?: string; code?: string } }).cause;
      failure = [(error as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
      if ((error as Error).name === 'TimeoutError') failure = `超时（${TIMEOUT_MS / 1000} 秒无应答）`;
    }
    const attempt = await this.repository.recordAttempt({
      messageId: message.id,
      webhookId: message.webhook_id,
      event: message.event,
      status: failure ? 'failed' : 'succeeded',
      httpStatus,
      error: failure ? failure.slice(0, 1000) : null,
      durationMs: Date.now() - startedAt,
    });
    if (failure) {
      this.logger.warn(`delivery ${message.id} attempt ${attempt} failed: ${failure}`);
      throw new Error(failure);
    }
    return { attempt, status: httpStatus ?? 0 };
  }
}
