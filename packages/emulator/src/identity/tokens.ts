import { randomBytes } from "node:crypto";
import type { Clock } from "../clock";
import { randomHex } from "../ids";

export interface TokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly tenantId: string;
  readonly methods: string[];
  /**
   * Keystone's audit chain: this token's own audit id, then (for a token made from another
   * token) the audit id of the chain's first token.
   */
  readonly auditIds: string[];
  readonly issuedAt: number;
  /** Epoch ms. */
  expiresAt: number;
  revoked: boolean;
  /** Keystone v3 system scope (`tenantId` is then ""). */
  readonly system?: boolean;
  /** Keystone v3 domain scope (`tenantId` is then ""). */
  readonly domainId?: string;
  /** Set on tokens an application credential obtained: they cannot make other tokens or credentials. */
  readonly applicationCredential?: { id: string; name: string; restricted: boolean };
}

/** How a token is scoped beyond a project: a system or domain scope, and the credential behind it. */
export type TokenExtras = Pick<TokenRecord, "system" | "domainId" | "applicationCredential">;

export type TokenCheck =
  | { ok: true; token: TokenRecord }
  | { ok: false; reason: "missing" | "unknown" | "expired" | "revoked" };

/** Issued tokens plus the hooks tests use to drive re-authentication. */
export class TokenStore {
  /** Lifetime of newly issued tokens, in seconds (Rackspace issues 24 h tokens). */
  lifetimeSeconds = 24 * 60 * 60;
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(private readonly clock: Clock) {}

  /** `from`: the token this one was made from (re-auth), whose audit chain it continues. */
  issue(userId: string, tenantId: string, methods: string[], expiresAt?: number, from?: TokenRecord, extras: TokenExtras = {}): TokenRecord {
    const now = this.clock.now();
    const own = randomBytes(16).toString("base64url");
    const token: TokenRecord = {
      id: randomHex(16),
      userId,
      tenantId,
      methods,
      auditIds: from ? [own, from.auditIds.at(-1)!] : [own],
      issuedAt: now,
      expiresAt: expiresAt ?? now + this.lifetimeSeconds * 1000,
      revoked: false,
      ...extras,
    };
    this.tokens.set(token.id, token);
    return token;
  }

  check(id: string | null | undefined): TokenCheck {
    if (!id) return { ok: false, reason: "missing" };
    const token = this.tokens.get(id);
    if (!token) return { ok: false, reason: "unknown" };
    if (token.revoked) return { ok: false, reason: "revoked" };
    if (token.expiresAt <= this.clock.now()) return { ok: false, reason: "expired" };
    return { ok: true, token };
  }

  /** Makes one token, or every token, expired as of now. */
  expire(id: string | "all"): void {
    const past = this.clock.now() - 1;
    if (id === "all") {
      for (const token of this.tokens.values()) token.expiresAt = Math.min(token.expiresAt, past);
      return;
    }
    const token = this.tokens.get(id);
    if (!token) throw new TypeError("unknown token");
    token.expiresAt = Math.min(token.expiresAt, past);
  }

  /** Revokes one token, or every token. Returns whether the token existed. */
  revoke(id: string | "all"): boolean {
    if (id === "all") {
      for (const token of this.tokens.values()) token.revoked = true;
      return true;
    }
    const token = this.tokens.get(id);
    if (!token) return false;
    token.revoked = true;
    return true;
  }

  /** Tokens issued so far, newest last; handy for asserting a re-auth happened. */
  list(): TokenRecord[] {
    return [...this.tokens.values()];
  }
}
