export interface RetryBudgetOptions {
  /** Tokens in a full bucket. Default 500. */
  capacity?: number;
  /** Cost of a retry after an error response or connection failure. Default 5. */
  retryCost?: number;
  /** Cost of a retry after a timeout (more likely to pile onto an overloaded server). Default 10. */
  timeoutCost?: number;
  /** Tokens a first-try success puts back. Default 1. */
  successRefund?: number;
}

/**
 * Client-wide retry budget (AWS's token bucket): each retry spends tokens, successes refund them.
 * When the bucket is empty requests fail on their first error instead of retrying, so an outage
 * does not turn every caller into a retry storm.
 */
export class RetryBudget {
  readonly capacity: number;
  readonly retryCost: number;
  readonly timeoutCost: number;
  readonly successRefund: number;
  #tokens: number;

  constructor(o: RetryBudgetOptions = {}) {
    this.capacity = o.capacity ?? 500;
    this.retryCost = o.retryCost ?? 5;
    this.timeoutCost = o.timeoutCost ?? 10;
    this.successRefund = o.successRefund ?? 1;
    this.#tokens = this.capacity;
  }

  get tokens(): number {
    return this.#tokens;
  }

  /** Spend the cost of one retry; false when the budget cannot pay for it. */
  tryAcquire(timeout = false): number | undefined {
    const cost = timeout ? this.timeoutCost : this.retryCost;
    if (this.#tokens < cost) return undefined;
    this.#tokens -= cost;
    return cost;
  }

  /** A request succeeded: refund what its retries cost, or the small first-try refund. */
  release(spent: number): void {
    this.#tokens = Math.min(this.capacity, this.#tokens + (spent > 0 ? spent : this.successRefund));
  }
}
