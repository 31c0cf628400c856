/** Time comes from here so tests and the playground can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that can be set or advanced; used by tests and the playground's time control. */
export class ManualClock implements Clock {
  private offsetMs = 0;
  private fixed: number | null;
  constructor(start?: Date | string) {
    this.fixed = start === undefined ? null : new Date(start).getTime();
  }
  now(): Date {
    return new Date((this.fixed ?? Date.now()) + this.offsetMs);
  }
  set(to: Date | string): void {
    this.fixed = new Date(to).getTime();
    this.offsetMs = 0;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
