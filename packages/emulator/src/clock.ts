/**
 * The emulator's notion of "now". Tests move it forward to expire tokens,
 * objects (X-Delete-At) and temp URLs without sleeping.
 */
export class Clock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, as the emulator sees it. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Whole seconds since the epoch (Swift's unit for expiry times). */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
