/** An account holder the emulator will authenticate. */
export interface EmulatorUserInput {
  username: string;
  apiKey?: string;
  password?: string;
  /** Compute-style tenant id; the Cloud Files account is `MossoCloudFS_<tenantId>`. */
  tenantId?: string;
  tenantName?: string;
  userId?: string;
  /** `RAX-AUTH:defaultRegion` on the user; defaults to the first configured region. */
  defaultRegion?: string;
  /** Keystone v3 domain id of the user and project (also accepted: "default"). */
  domainId?: string;
  enabled?: boolean;
}

export interface EmulatorUser {
  username: string;
  apiKey: string | undefined;
  password: string | undefined;
  tenantId: string;
  tenantName: string;
  userId: string;
  defaultRegion: string;
  domainId: string;
  enabled: boolean;
}

export const DEFAULT_USER: Readonly<Required<Pick<EmulatorUserInput, "username" | "apiKey" | "password" | "tenantId">>> =
  Object.freeze({ username: "demo", apiKey: "demo-api-key", password: "demo-password", tenantId: "123456" });

/** The Cloud Files account name Rackspace pairs with a tenant. */
export function storageAccountFor(tenantId: string): string {
  return `MossoCloudFS_${tenantId}`;
}

export class UserDirectory {
  private readonly byName = new Map<string, EmulatorUser>();
  private nextId = 100001;

  constructor(private readonly defaultRegion: string) {}

  add(input: EmulatorUserInput): EmulatorUser {
    if (!input.username) throw new TypeError("user.username is required");
    if (this.byName.has(input.username)) throw new TypeError(`user ${input.username} already exists`);
    const tenantId = input.tenantId ?? String(900000 + this.byName.size);
    const user: EmulatorUser = {
      username: input.username,
      apiKey: input.apiKey,
      password: input.password,
      tenantId,
      tenantName: input.tenantName ?? tenantId,
      userId: input.userId ?? String(this.nextId++),
      defaultRegion: input.defaultRegion ?? this.defaultRegion,
      domainId: input.domainId ?? tenantId,
      enabled: input.enabled ?? true,
    };
    this.byName.set(user.username, user);
    return user;
  }

  byUsername(username: string): EmulatorUser | undefined {
    return this.byName.get(username);
  }

  byId(userId: string): EmulatorUser | undefined {
    for (const user of this.byName.values()) if (user.userId === userId) return user;
    return undefined;
  }

  list(): EmulatorUser[] {
    return [...this.byName.values()];
  }
}
