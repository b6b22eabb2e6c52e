import { Injectable } from '@nestjs/common';

/**
 * Whether the process is stopping (SIGTERM/SIGINT received, main.ts): readiness answers 503 SHUTTING_DOWN at once,
 * so a load balancer stops sending new requests while those in flight finish.
 */
@Injectable()
export class ShutdownState {
  private stopping = false;

  get draining(): boolean {
    return this.stopping;
  }

  drain(): void {
    this.stopping = true;
  }
}
