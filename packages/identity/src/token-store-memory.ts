import { INSPECT } from "./printed-form";
import type { StoredToken, TokenStore } from "./token-store";

/**
 * Tokens kept in this process: contexts (or identities) created per invocation of a warm
 * serverless function, or per request of a server, share one authentication. Create it once at
 * module scope. Values are copied in and out, so a caller cannot change what another one gets.
 */
export class MemoryTokenStore implements TokenStore {
  readonly #entries = new Map<string, StoredToken>();

  get(key: string): StoredToken | undefined {
    const v = this.#entries.get(key);
    return v === undefined ? undefined : structuredClone(v);
  }

  set(key: string, value: StoredToken): void {
    this.#entries.set(key, structuredClone(value));
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** How many tokens it holds. */
  get size(): number {
    return this.#entries.size;
  }

  /** Printed form: a count, never a token. */
  toJSON(): Record<string, unknown> {
    return { tokens: this.#entries.size };
  }

  [INSPECT](_depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    return `MemoryTokenStore ${inspect(this.toJSON(), options)}`;
  }
}
