// A tiny loopback identity server for these tests: Rackspace/Keystone v2.0 tokens, Keystone v3
// tokens, a few v2.0 admin calls, and a "service" that answers 401 to unknown tokens.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeOptions {
  username?: string;
  apiKey?: string;
  password?: string;
  tenantId?: string;
  /** Token lifetime (ms), default one day. */
  lifetimeMs?: number;
  /** Value of RAX-AUTH:defaultRegion ("" like the seed's sample). */
  defaultRegion?: string;
  /** Delay before answering POST tokens (ms), to overlap concurrent callers. */
  tokenDelayMs?: number;
  /** Keystone v3 application credential the fake accepts (by id, or by name for user "demo"). */
  appCredential?: { id: string; name: string; secret: string };
}

export interface FakeIdentity {
  url: string;
  v2: string;
  v3: string;
  requests: Recorded[];
  tokenPosts(): Recorded[];
  valid: Set<string>;
  /** Next v2 users list / created users. */
  users: Map<string, Record<string, unknown>>;
  opts: Required<FakeOptions>;
  close(): Promise<void>;
}

let counter = 0;

function v2Catalog(base: string, tenant: string) {
  const ep = (svc: string, region: string | undefined, internal = false) => ({
    ...(region ? { region } : {}),
    tenantId: tenant,
    publicURL: `${base}/${svc}/${region ?? "ALL"}/v1/${tenant}`,
    ...(internal ? { internalURL: `${base}/snet-${svc}/${region ?? "ALL"}/v1/${tenant}` } : {}),
  });
  return [
    { name: "cloudServers", type: "compute", endpoints: [ep("firstgen", undefined)] },
    { name: "cloudServersOpenStack", type: "compute", endpoints: [ep("compute", "DFW"), ep("compute", "ORD")] },
    { name: "cloudFiles", type: "object-store", endpoints: [ep("files", "DFW", true), ep("files", "ORD", true)] },
    { name: "cloudDNS", type: "rax:dns", endpoints: [ep("dns", undefined)] },
    { name: "cloudLoadBalancers", type: "rax:load-balancer", endpoints: [ep("lb", "ORD"), ep("lb", "DFW")] },
    { name: "cloudQueues", type: "rax:queues", endpoints: [ep("queues", "IAD", true)] },
    { name: "cloudMonitoring", type: "rax:monitor", endpoints: [ep("monitor", undefined)] },
  ];
}

function v3Catalog(base: string) {
  const eps = (svc: string, region: string) =>
    ["public", "internal", "admin"].map((iface) => ({
      id: `${svc}-${iface}`,
      interface: iface,
      region,
      region_id: region,
      url: `${base}/${svc}/${region}/${iface}`,
    }));
  return [
    { type: "compute", name: "nova", id: "c1", endpoints: eps("compute", "RegionOne") },
    { type: "object-store", name: "swift", id: "s1", endpoints: [...eps("files", "RegionOne"), ...eps("files", "RegionTwo")] },
    { type: "identity", name: "keystone", id: "k1", endpoints: eps("identity", "RegionOne") },
  ];
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export async function startFakeIdentity(options: FakeOptions = {}): Promise<FakeIdentity> {
  const opts: Required<FakeOptions> = {
    username: "demo",
    apiKey: "apikey-0123456789abcdef",
    password: "pa55;word#1",
    tenantId: "123456",
    lifetimeMs: 24 * 3600_000,
    defaultRegion: "ORD",
    tokenDelayMs: 0,
    appCredential: { id: "app-cred-1", name: "ci-deploy", secret: "app-secret-0123456789" },
    ...options,
  };
  const requests: Recorded[] = [];
  const valid = new Set<string>();
  const users = new Map<string, Record<string, unknown>>([
    ["u1", { id: "u1", username: "demo", email: "demo@example.com", enabled: true }],
  ]);
  let base = "";

  const issue = (prefix: string) => {
    const t = `${prefix}-token-${++counter}-${Math.random().toString(36).slice(2)}`;
    valid.add(t);
    return t;
  };
  const expires = () => new Date(Date.now() + opts.lifetimeMs).toISOString();
  const access = (token: string, tenant: string) => ({
    access: {
      token: { id: token, expires: expires(), tenant: { id: tenant, name: tenant }, "RAX-AUTH:authenticatedBy": ["APIKEY"] },
      serviceCatalog: v2Catalog(base, tenant),
      user: {
        id: "172157",
        name: opts.username,
        roles: [{ id: "3", name: "identity:user-admin" }],
        "RAX-AUTH:defaultRegion": opts.defaultRegion,
      },
    },
  });
  const unauthorized = (res: ServerResponse) =>
    send(res, 401, { unauthorized: { code: 401, message: "Unable to authenticate user with credentials provided." } });

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = (req.url ?? "/").split("?")[0] as string;
    requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
    try {
      if (req.method === "POST" && path === "/v2.0/tokens") {
        if (opts.tokenDelayMs) await new Promise((r) => setTimeout(r, opts.tokenDelayMs));
        const auth = (body as { auth?: Record<string, any> })?.auth ?? {};
        const key = auth["RAX-KSKEY:apiKeyCredentials"];
        const pw = auth.passwordCredentials;
        const tok = auth.token;
        if (key && key.username === opts.username && key.apiKey === opts.apiKey) return send(res, 200, access(issue("v2"), opts.tenantId));
        if (pw && pw.username === opts.username && pw.password === opts.password) return send(res, 200, access(issue("v2"), opts.tenantId));
        if (tok && valid.has(tok.id)) return send(res, 200, access(tok.id, auth.tenantId ?? auth.tenantName ?? opts.tenantId));
        return unauthorized(res);
      }
      if (req.method === "POST" && path === "/v3/auth/tokens") {
        if (opts.tokenDelayMs) await new Promise((r) => setTimeout(r, opts.tokenDelayMs));
        const auth = (body as { auth?: Record<string, any> })?.auth ?? {};
        const id = auth.identity ?? {};
        let ok = false;
        if (id.methods?.[0] === "password") {
          const u = id.password?.user ?? {};
          ok = (u.name === opts.username || u.id === "uid-1") && u.password === opts.password;
        } else if (id.methods?.[0] === "token") {
          ok = valid.has(id.token?.id);
        } else if (id.methods?.[0] === "application_credential") {
          const a = id.application_credential ?? {};
          const app = opts.appCredential;
          const who = a.user ?? {};
          const byId = a.id === app.id;
          const byName = a.name === app.name && (who.id === "uid-1" || (who.name === opts.username && who.domain !== undefined));
          // Keystone refuses a scope in an application-credential request.
          ok = (byId || byName) && a.secret === app.secret && auth.scope === undefined;
        }
        // Keystone (verified on 22.0.2, Zed) answers an unknown, revoked or expired token with its own 404.
        if (!ok && id.methods?.[0] === "token") {
          return send(res, 404, { error: { code: 404, message: "Could not recognize Fernet token", title: "Not Found" } });
        }
        if (!ok) return send(res, 401, { error: { code: 401, message: "The request you have made requires authentication.", title: "Unauthorized" } });
        const token = id.methods[0] === "token" ? id.token.id : issue("v3");
        const appCred = id.methods[0] === "application_credential";
        const project = appCred ? { id: "p-app", name: "app-project" } : auth.scope?.project;
        const domainScope = auth.scope?.domain;
        const systemScope = auth.scope?.system;
        const scoped = project !== undefined || domainScope !== undefined || systemScope !== undefined;
        return send(
          res,
          201,
          {
            token: {
              methods: id.methods,
              expires_at: new Date(Date.now() + opts.lifetimeMs).toISOString().replace("Z", "000Z"),
              user: { id: "uid-1", name: opts.username, domain: { id: "default", name: "Default" } },
              ...(scoped
                ? {
                    ...(project ? { project: { id: project.id ?? "p-demo", name: project.name ?? "demo", domain: { id: "default", name: "Default" } } } : {}),
                    ...(domainScope ? { domain: { id: domainScope.id ?? "default", name: domainScope.name ?? "Default" } } : {}),
                    ...(systemScope ? { system: systemScope } : {}),
                    roles: [{ id: "r1", name: "member" }],
                    catalog: v3Catalog(base),
                  }
                : {}),
            },
          },
          { "x-subject-token": token },
        );
      }
      // A stand-in service: accepts only live tokens.
      if (!path.startsWith("/v2.0/") && !path.startsWith("/v3/")) {
        const t = req.headers["x-auth-token"];
        if (typeof t !== "string" || !valid.has(t)) return unauthorized(res);
        return send(res, 200, { ok: true, path });
      }
      // v2.0 admin calls.
      const token = req.headers["x-auth-token"];
      if (typeof token !== "string" || !valid.has(token)) return unauthorized(res);
      if (req.method === "GET" && path === "/v2.0/tenants") {
        return send(res, 200, { tenants: [{ id: opts.tenantId, name: opts.tenantId, enabled: true }] });
      }
      if (req.method === "GET" && path === "/v2.0/users") return send(res, 200, { users: [...users.values()] });
      if (req.method === "POST" && path === "/v2.0/users") {
        const u = (body as { user: Record<string, unknown> }).user;
        const id = `u${users.size + 1}`;
        const stored = { id, username: u.username, email: u.email, enabled: u.enabled };
        users.set(id, stored);
        return send(res, 201, { user: { ...stored, "OS-KSADM:password": u["OS-KSADM:password"] } });
      }
      const userMatch = /^\/v2\.0\/users\/([^/]+)$/.exec(path);
      if (userMatch) {
        const id = decodeURIComponent(userMatch[1] as string);
        if (!users.has(id)) return send(res, 404, { itemNotFound: { code: 404, message: `User ${id} not found` } });
        if (req.method === "DELETE") {
          users.delete(id);
          return send(res, 204);
        }
        if (req.method === "GET") return send(res, 200, { user: users.get(id) });
        if (req.method === "PUT") {
          const merged = { ...users.get(id), ...(body as { user: Record<string, unknown> }).user };
          users.set(id, merged);
          return send(res, 200, { user: merged });
        }
      }
      const rolesMatch = /^\/v2\.0\/users\/([^/]+)\/roles$/.exec(path);
      if (rolesMatch && req.method === "GET") return send(res, 200, { roles: [{ id: "3", name: "identity:user-admin" }] });
      const roleAssign = /^\/v2\.0\/users\/([^/]+)\/roles\/OS-KSADM\/([^/]+)$/.exec(path);
      if (roleAssign && (req.method === "PUT" || req.method === "DELETE")) return send(res, req.method === "PUT" ? 200 : 204);
      if (req.method === "GET" && path === "/v2.0/OS-KSADM/roles") return send(res, 200, { roles: [{ id: "3", name: "identity:user-admin" }] });
      return send(res, 404, { itemNotFound: { code: 404, message: `no route ${req.method} ${path}` } });
    } catch (e) {
      return send(res, 500, { identityFault: { code: 500, message: String(e) } });
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    v2: `${base}/v2.0/`,
    v3: `${base}/v3`,
    requests,
    tokenPosts: () => requests.filter((r) => r.method === "POST" && /\/tokens$/.test(r.path.split("?")[0] as string)),
    valid,
    users,
    opts,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
