/** Timeouts of a transport or a call, in ms. Defaults in `DEFAULT_TIMEOUTS`. */
export interface Timeouts {
  /** TCP+TLS connect, per attempt. Transport-wide only (set on the connection pool). Default 10 000. */
  connect?: number;
  /**
   * Silence before the response headers, per attempt (the clock restarts while a request body is
   * still being sent). Default 60 000.
   */
  headers?: number;
  /** Longest silence between response body chunks, per attempt. Default 60 000. */
  body?: number;
  /**
   * Deadline for the whole call: every attempt, every backoff wait and the response body, however
   * it is read (streams included). Default: none — see `call`.
   */
  total?: number;
  /**
   * Without a `total`: deadline, from the start of the call, for reading the response whole
   * (`json()`, `text()`, `bytes()`, `dump()`), so a body that trickles cannot hold a call forever.
   * A body read as a stream is bounded by `body` (idle) only. Default 120 000.
   */
  call?: number;
}

/** The transport's default timeouts (ms); see `Timeouts`. */
export const DEFAULT_TIMEOUTS: Readonly<Required<Omit<Timeouts, "total">>> = Object.freeze({
  connect: 10_000,
  headers: 60_000,
  body: 60_000,
  call: 120_000,
});
