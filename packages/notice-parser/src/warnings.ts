import type { ParseWarning } from './types.js';

const EXCERPT_MAX = 60;

export class WarningList {
  readonly items: ParseWarning[] = [];
  private readonly seen = new Set<string>();

  add(code: string, message: string, excerpt?: string): void {
    const short =
      excerpt === undefined ? undefined : excerpt.length > EXCERPT_MAX ? `${excerpt.slice(0, EXCERPT_MAX)}…` : excerpt;
    const key = `${code}\u0000${message}\u0000${short ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(short === undefined ? { code, message } : { code, message, excerpt: short });
  }
}
