import { randomBytes } from "node:crypto";
import type { Context, ContextOptions } from "@rax/identity";
import type { ObjectStore } from "@rax/object-store";

/** What a server offers beyond plain OpenStack Swift + Keystone. */
export interface Supports {
  /** Rackspace Cloud Files CDN (`rax:object-cdn`); real Swift has none. */
  cdn: boolean;
  /** Rackspace API-key credentials (`RAX-KSKEY:apiKeyCredentials`); Keystone has none. */
  apiKeyAuth: boolean;
}

/** One server the shared scenarios run against: the emulator or real OpenStack. */
export interface Target {
  name: "emulator" | "openstack";
  /** Authenticated; shared by the scenarios (never revoke its token). */
  ctx: Context;
  region: string;
  /** Every region the catalog should list. */
  regions: string[];
  objectStore(): ObjectStore;
  /** Have the server revoke `token` (as an admin would), so the next call with it gets 401. */
  revokeToken(token: string): Promise<void>;
  /** A fresh, unauthenticated context for the same account, with a password or an API key. */
  newContext(credential: "password" | "apiKey", overrides?: Partial<ContextOptions>): Context;
  supports: Supports;
}

/** A container name no earlier run can have left behind. */
export function uniqueName(label: string): string {
  return `rax-scn-${label}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}
