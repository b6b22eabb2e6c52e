import { Injectable } from '@nestjs/common';
import { chinaDate } from '@zhenggai/domain';

// The one source of "now": tests replace it with a fixed clock.
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's China calendar date, YYYY-MM-DD. */
  today(): string {
    return chinaDate(this.now());
  }
}

export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date): void {
    this.instant = instant;
  }

  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}
