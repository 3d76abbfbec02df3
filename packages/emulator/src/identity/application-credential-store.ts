import { randomBytes } from "node:crypto";
import type { Clock } from "../clock";
import type { TokenStore } from "./tokens";

/** A Keystone v3 application credential: a secret that authenticates as its user, in one project. */
export interface ApplicationCredential {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly userId: string;
  readonly projectId: string;
  /** The secret, as Keystone returns it once at creation. */
  readonly secret: string;
  /** Epoch ms, or null for never. */
  readonly expiresAt: number | null;
  readonly unrestricted: boolean;
}

export class ApplicationCredentialStore {
  private readonly byId = new Map<string, ApplicationCredential>();

  constructor(
    private readonly clock: Clock,
    private readonly tokens: TokenStore,
  ) {}

  create(input: Omit<ApplicationCredential, "id" | "secret"> & { secret?: string }): ApplicationCredential {
    const credential: ApplicationCredential = { ...input, id: randomBytes(16).toString("hex"), secret: input.secret ?? randomBytes(64).toString("base64url") };
    this.byId.set(credential.id, credential);
    return credential;
  }

  get(id: string): ApplicationCredential | undefined {
    return this.byId.get(id);
  }

  byName(userId: string, name: string): ApplicationCredential | undefined {
    for (const c of this.byId.values()) if (c.userId === userId && c.name === name) return c;
    return undefined;
  }

  ofUser(userId: string): ApplicationCredential[] {
    return [...this.byId.values()].filter((c) => c.userId === userId);
  }

  /** Deletes the credential and revokes every token it obtained, as Keystone does. */
  delete(id: string): boolean {
    if (!this.byId.delete(id)) return false;
    for (const token of this.tokens.list()) if (token.applicationCredential?.id === id) token.revoked = true;
    return true;
  }

  isExpired(credential: ApplicationCredential): boolean {
    return credential.expiresAt !== null && credential.expiresAt <= this.clock.now();
  }
}
