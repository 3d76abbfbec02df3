import type * as z from "zod/mini";
import { InvalidResponse, type RaxResponse, parseSchema, redact } from "@rax/core";
import { ServiceCatalog } from "./catalog";
import { loadIdentitySchemas } from "./config-parsers";

export interface Role {
  id?: string;
  name: string;
  tenantId?: string;
  description?: string;
  [key: string]: unknown;
}

/** The authenticated user as the identity service described it. */
export interface AuthUser {
  id?: string;
  name?: string;
  /** Rackspace `RAX-AUTH:defaultRegion` (empty values dropped). */
  defaultRegion?: string;
  /** Keystone v3 user domain. */
  domain?: { id?: string; name?: string };
  roles: Role[];
  /** The user object as sent. */
  raw: Record<string, unknown>;
}

/** What one successful POST to the token endpoint yields, v2.0 or v3. */
export interface AuthResult {
  token: string;
  expires?: Date;
  tenantId?: string;
  tenantName?: string;
  catalog: ServiceCatalog;
  user: AuthUser;
  /** The response body (for callers who need more than the fields above). */
  raw: unknown;
}

let v2Access: ReturnType<typeof import("./identity-schemas").buildV2Access> | undefined;
let v3Token: ReturnType<typeof import("./identity-schemas").buildV3Token> | undefined;

/** "2015-06-05T16:24:57.637Z", "2222-02-22T22:22:22.000-02:00", "…18:30:59.999999Z" → Date. */
export function parseExpires(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  // Date.parse wants at most millisecond precision; Keystone sends microseconds.
  const trimmed = value.replace(/(\.\d{3})\d+/, "$1");
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

function invalid(res: RaxResponse, body: unknown, error: z.core.$ZodError): InvalidResponse {
  const issue = error.issues[0];
  const path = issue?.path.join(".");
  return new InvalidResponse(
    {
      status: res.status,
      method: res.method,
      url: res.url,
      snippet: redact(JSON.stringify(body) ?? "").slice(0, 200),
      path,
      requestId: res.requestId,
    },
    `Unexpected identity response${path ? ` at ${path}` : ""}: ${issue?.message ?? "invalid"}`,
  );
}

function roleList(roles: unknown): Role[] {
  return Array.isArray(roles) ? (roles as Role[]) : [];
}

/** Parse a v2.0 `{"access": …}` body (Rackspace and Keystone v2.0). */
export async function parseV2Access(res: RaxResponse, body: unknown): Promise<AuthResult> {
  v2Access ??= (await loadIdentitySchemas()).buildV2Access();
  const parsed = parseSchema(v2Access, body);
  if (!parsed.success) throw invalid(res, body, parsed.error);
  const { token, serviceCatalog, user } = parsed.data.access;
  const rawUser = (user ?? {}) as Record<string, unknown>;
  const defaultRegion = rawUser["RAX-AUTH:defaultRegion"];
  return {
    token: token.id,
    expires: parseExpires(token.expires),
    tenantId: token.tenant?.id,
    tenantName: token.tenant?.name,
    catalog: ServiceCatalog.fromV2(serviceCatalog ?? []),
    user: {
      id: user?.id === undefined ? undefined : String(user.id),
      name: user?.name,
      defaultRegion: typeof defaultRegion === "string" && defaultRegion !== "" ? defaultRegion : undefined,
      roles: roleList(user?.roles),
      raw: rawUser,
    },
    raw: body,
  };
}

/** Parse a v3 `{"token": …}` body; the token itself comes from the X-Subject-Token header. */
export async function parseV3Token(res: RaxResponse, body: unknown): Promise<AuthResult> {
  const subject = res.headers["x-subject-token"];
  if (!subject) {
    throw new InvalidResponse(
      { status: res.status, method: res.method, url: res.url, snippet: "", requestId: res.requestId },
      "Keystone v3 response has no X-Subject-Token header",
    );
  }
  v3Token ??= (await loadIdentitySchemas()).buildV3Token();
  const parsed = parseSchema(v3Token, body);
  if (!parsed.success) throw invalid(res, body, parsed.error);
  const t = parsed.data.token;
  return {
    token: subject,
    expires: parseExpires(t.expires_at),
    tenantId: t.project?.id,
    tenantName: t.project?.name,
    catalog: ServiceCatalog.fromV3(t.catalog ?? []),
    user: {
      id: t.user?.id,
      name: t.user?.name,
      domain: t.user?.domain,
      roles: roleList(t.roles),
      raw: (t.user ?? {}) as Record<string, unknown>,
    },
    raw: body,
  };
}
