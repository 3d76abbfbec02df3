import { startEmulator, DEFAULT_USER, type RunningEmulator } from "@rax/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOpenStackEnv } from "./openstack-target";

/**
 * Raw Keystone v3 requests to real Keystone and to the emulator's /identity/v3: status, the
 * headers a client reads and the JSON shape (key sets, not values). Differences: DIFFERENCES.md.
 */
interface Side {
  url: string;
  user: { name: string; password: string; domain: { id: string } };
  project: { id: string };
}

type Shape = string | { [k: string]: Shape } | Shape[];
/** JSON → its shape: object keys (sorted) and value types; arrays by their first element. */
function shape(v: unknown, depth = 0): Shape {
  if (depth > 4) return "…";
  if (Array.isArray(v)) return v.length ? [shape(v[0], depth + 1)] : [];
  if (v && typeof v === "object") {
    const out: Record<string, Shape> = {};
    for (const k of Object.keys(v).sort()) out[k] = shape((v as Record<string, unknown>)[k], depth + 1);
    return out;
  }
  return v === null ? "null" : typeof v;
}

async function passwordAuth(s: Side, password = s.user.password) {
  return fetch(`${s.url}/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { ...s.user, password } } },
        scope: { project: s.project },
      },
    }),
  });
}

describe("wire parity: the emulator's Keystone v3 answers as real Keystone does", () => {
  let emu: RunningEmulator;
  let real: Side;
  let fake: Side;

  beforeAll(async () => {
    const env = readOpenStackEnv();
    real = {
      url: env.authUrl,
      user: { name: env.users.demo.username, password: env.users.demo.password, domain: { id: "default" } },
      project: { id: env.users.demo.projectId },
    };
    emu = await startEmulator();
    fake = {
      url: emu.keystoneUrl,
      user: { name: DEFAULT_USER.username, password: DEFAULT_USER.password, domain: { id: "default" } },
      project: { id: DEFAULT_USER.tenantId },
    };
  });
  afterAll(async () => {
    await emu?.stop();
  });

  async function both<T>(f: (s: Side) => Promise<T>): Promise<{ real: T; emulator: T }> {
    return { real: await f(real), emulator: await f(fake) };
  }

  it("password auth: 201, X-Subject-Token, token body shape", async () => {
    const r = await both(async (s) => {
      const res = await passwordAuth(s);
      const body = (await res.json()) as { token: Record<string, unknown> };
      const { catalog, ...token } = body.token;
      return {
        status: res.status,
        subjectToken: res.headers.get("x-subject-token") ? "present" : "absent",
        contentType: res.headers.get("content-type")?.split(";")[0],
        token: shape(token),
        catalogEntry: shape((catalog as unknown[])[0]),
      };
    });
    expect(r.emulator).toEqual(r.real);
  });

  it("wrong password: status and error body", async () => {
    const r = await both(async (s) => {
      const res = await passwordAuth(s, "wrong-password");
      const body = (await res.json()) as { error: { code: number; title: string } };
      return {
        status: res.status,
        shape: shape(body),
        code: body.error.code,
        title: body.error.title,
        // Each server names its own address in the challenge; compare the rest.
        www: res.headers.get("www-authenticate")?.replace(s.url.replace(/\/+$/, ""), "<v3>"),
      };
    });
    expect(r.emulator).toEqual(r.real);
  });

  it("validate, revoke, validate again", async () => {
    const r = await both(async (s) => {
      const token = (await passwordAuth(s)).headers.get("x-subject-token")!;
      const h = { "x-auth-token": token, "x-subject-token": token };
      const check = await fetch(`${s.url}/auth/tokens`, { method: "HEAD", headers: h });
      const get = await fetch(`${s.url}/auth/tokens`, { headers: h });
      const getShape = shape(((await get.json()) as { token: Record<string, unknown> }).token);
      const del = await fetch(`${s.url}/auth/tokens`, { method: "DELETE", headers: h });
      // A revoked token cannot validate itself: validate it with a fresh one.
      const other = (await passwordAuth(s)).headers.get("x-subject-token")!;
      const after = await fetch(`${s.url}/auth/tokens`, { headers: { "x-auth-token": other, "x-subject-token": token } });
      const afterBody = (await after.json()) as { error?: { code: number; title: string } };
      return { head: check.status, get: get.status, getShape, del: del.status, after: after.status, afterError: afterBody.error?.title };
    });
    expect(r.emulator).toEqual(r.real);
  });

  it("GET /v3/auth/catalog", async () => {
    const r = await both(async (s) => {
      const token = (await passwordAuth(s)).headers.get("x-subject-token")!;
      const res = await fetch(`${s.url}/auth/catalog`, { headers: { "x-auth-token": token } });
      const body = res.status === 200 ? ((await res.json()) as { catalog: unknown[] }) : undefined;
      return { status: res.status, entry: body ? shape(body.catalog[0]) : undefined };
    });
    expect(r.emulator).toEqual(r.real);
  });

  it("validating without a token", async () => {
    const r = await both(async (s) => {
      const res = await fetch(`${s.url}/auth/tokens`, { headers: { "x-subject-token": "whatever" } });
      const text = await res.text();
      let body: Shape = text;
      try {
        body = shape(JSON.parse(text));
      } catch {
        // not JSON: compare the text
      }
      return { status: res.status, body };
    });
    expect(r.emulator).toEqual(r.real);
  });
});
