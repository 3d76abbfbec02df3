import { appendFileSync } from "node:fs";
import type { EmulatorUserInput } from "@rax/emulator";
import { expect } from "vitest";

// What the wire-parity tests share: the same raw requests (fetch, no SDK) sent to a real OpenStack service and
// to @rax/emulator's, logged in alike through each side's Keystone v3, and the answers compared once what
// differs per cloud or per run (ids, dates, projects, the run's suffix) is masked.

export type Who = "admin" | "demo";

/** The real stack's users (scripts/openstack), given to the emulator's Keystone so both sides log in alike. */
export const ADMIN_AND_DEMO: EmulatorUserInput[] = [
  { username: "admin", password: "secret", project: "admin", roles: ["admin"] },
  { username: "demo", password: "secret", project: "demo", roles: ["member"] },
];

type Catalog = any[];

/** A Keystone v3 password token scoped to a project (by name in the default domain, or by id), with its catalog. */
export async function keystoneToken(authUrl: string, user: string, password: string, project: { name: string } | { id: string }): Promise<{ token: string; catalog: Catalog; project: string }> {
  const res = await fetch(`${authUrl}/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { name: user, domain: { id: "default" }, password } } },
        scope: { project: "id" in project ? { id: project.id } : { name: project.name, domain: { id: "default" } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`Keystone answered ${res.status} for ${user}`);
  const body = (await res.json()) as { token: { catalog: Catalog; project: { id: string } } };
  return { token: res.headers.get("x-subject-token")!, catalog: body.token.catalog, project: body.token.project.id };
}

/** The public URL of the catalog's first service of the first of `types` it has, without a trailing slash. */
export function publicUrl(catalog: Catalog, ...types: string[]): string | undefined {
  for (const type of types) {
    const svc = catalog.find((s) => s.type === type);
    if (svc) return (svc.endpoints.find((e: { interface: string }) => e.interface === "public")?.url as string | undefined)?.replace(/\/+$/, "");
  }
  return undefined;
}

/** One cloud as a parity test reaches a service on it, per user. */
export interface Side {
  label: string;
  /** The service's `…/<version>/<project>` per user. */
  base: Record<Who, string>;
  token: Record<Who, string>;
  project: Record<Who, string>;
  /** The endpoint's root (`GET /` is version discovery). */
  root: string;
}

/** Logs admin and demo in at `authUrl` and finds the service in their catalogs. */
export async function sideOf(label: string, authUrl: string, service: { types: string[]; versionPath: RegExp; start: string }): Promise<Side> {
  const a = await keystoneToken(authUrl, "admin", "secret", { name: "admin" });
  const d = await keystoneToken(authUrl, "demo", "secret", { name: "demo" });
  const ab = publicUrl(a.catalog, ...service.types);
  const db = publicUrl(d.catalog, ...service.types);
  if (!ab || !db) throw new Error(`the ${label} catalog has no ${service.types.map((t) => `"${t}"`).join(" / ")} endpoint (start it: bash scripts/openstack/start.sh ${service.start})`);
  return { label, base: { admin: ab, demo: db }, token: { admin: a.token, demo: d.token }, project: { admin: a.project, demo: d.project }, root: ab.replace(service.versionPath, "") };
}

export interface Answer {
  status: number;
  headers: Headers;
  /** The content type without parameters. */
  type: string | null;
  /** The parsed JSON body, or the text when it is not JSON ("" when empty). */
  body: unknown;
  raw: any;
}

/** The body as JSON when it parses, else its text. */
export async function bodyOf(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : "";
  } catch {
    return text;
  }
}

export interface SendOptions {
  body?: unknown;
  /** A body sent as it is (malformed JSON). */
  raw?: string;
  headers?: Record<string, string>;
  /** Relative to the endpoint's root instead of the user's base. */
  root?: boolean;
}

/** One raw request as `who` (redirects are answers too, not followed). */
export async function send(s: Side, who: Who, method: string, path: string, o: SendOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { "x-auth-token": s.token[who], accept: "application/json", ...o.headers };
  const body = o.raw ?? (o.body !== undefined ? JSON.stringify(o.body) : undefined);
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const res = await fetch(`${o.root ? s.root : s.base[who]}${path}`, { method, headers, ...(body !== undefined ? { body } : {}), redirect: "manual" });
  const parsed = await bodyOf(res);
  return { status: res.status, headers: res.headers, type: res.headers.get("content-type")?.split(";")[0] ?? null, body: parsed, raw: parsed };
}

export const ID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/g;
export const DATE = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?/g;

/** Python prints sets (`{'subscriptions', 'messages'}`) in an order that follows PYTHONHASHSEED: sorted, they compare. */
const PY_SET = /\{('[^']*'(?:, '[^']*')+)\}/g;
export const sortPySets = (s: string): string => s.replace(PY_SET, (_, items: string) => `{${items.split(", ").sort().join(", ")}}`);

/** How a service's bodies are made comparable. */
export interface ShapeRules {
  /** This run's suffix on every name it makes: removed. */
  suffix: string;
  /** Keys whose values a client branches on: compared as values, not only as types. */
  values: ReadonlySet<string>;
  /** The service's own masks, applied after the suffix and projects and before ids and dates. */
  mask?(v: string, side: Side): string;
  /** A key's value decided up front (undefined: shaped as usual). */
  fixed?(key: string, v: unknown): unknown;
  /** Keys one side sends on purpose (DIFFERENCES.md): left out. */
  omit?: ReadonlySet<string>;
  /** Keys holding the user's own data (metadata): their strings compared as data, without the suffix. */
  data?: ReadonlySet<string>;
}

/** A body made comparable: ids, dates, projects and the run's suffix masked; values kept only where they matter; keys sorted. */
export function shaper(rules: ShapeRules): (v: unknown, side: Side, key?: string) => unknown {
  const shape = (v: unknown, side: Side, key = ""): unknown => {
    const fixed = rules.fixed?.(key, v);
    if (fixed !== undefined) return fixed;
    if (typeof v === "string") {
      // Dates first: a project id made of digits (the emulator's are numeric, as Rackspace's tenants)
      // can turn up inside a timestamp's fraction (CI once read "<time>.<project>").
      let masked = v.replace(DATE, "<time>").split(rules.suffix).join("").split(side.project.admin).join("<project>").split(side.project.demo).join("<project>");
      if (rules.mask) masked = rules.mask(masked, side);
      masked = masked.replace(ID, "<id>");
      return rules.values.has(key) || masked !== v ? masked : "string";
    }
    if (typeof v === "number") return rules.values.has(key) ? v : "number";
    if (Array.isArray(v)) return v.map((x) => shape(x, side, key));
    if (v && typeof v === "object") {
      const data = rules.data?.has(key) ?? false;
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k, x]) => !rules.omit?.has(k) && x !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, x]) => [k, data && typeof x === "string" ? x.split(rules.suffix).join("") : shape(x, side, k)]),
      );
    }
    return v;
  };
  return shape;
}

/** How long to wait on each side: the emulator's clock is advanced, the real server is given time. */
export interface Pace {
  tries: number;
  /** ms the emulator's clock advances per try. */
  emuStep: number;
  /** ms the real side is given per try. */
  realPause: number;
}

export interface SameOptions extends Omit<SendOptions, "body"> {
  /** The same body on both sides, or one per side (ids differ). */
  body?: unknown | ((s: Side) => unknown);
  /** The part of the body compared (`b` is the raw body). */
  only?: (s: Side, b: any) => unknown;
}

export interface ParityRun<K extends string> {
  /** What this run made, per side: the rows `ours` keeps and the cleanup deletes. */
  made: Array<{ side: Side; kind: K; id: string }>;
  side(s: Side): "real" | "emu";
  /** Both sides, real first. */
  sides(): [Side, Side];
  /** Sends to both (path and body may depend on the side); soft-asserts that their views agree, returns both raw answers. */
  same(who: Who, method: string, path: string | ((s: Side) => string), o?: SameOptions): Promise<{ real: Answer; emu: Answer }>;
  /** Keeps the ids a create answered on each side under `name` (`body[key].id`). */
  remember(name: string, kind: K, got: { real: Answer; emu: Answer }, key: string): void;
  idOf(name: string): (s: Side) => string;
  /** Only the rows of `listKey` this run made (other sessions share the real service). */
  ours(listKey: string): (s: Side, body: any) => unknown;
  /** The rows this run made on side `s`. */
  mine<R extends { id: string }>(s: Side, rows: R[]): R[];
  /** Tries `done` until it holds, at the side's pace; false when it never did. */
  poll(s: Side, pace: Pace, done: () => Promise<boolean>): Promise<boolean>;
}

/**
 * One parity run. `view` is what is compared of an answer; `dumpEnv` names an environment variable that,
 * when set to a file, has every step's real and emulated views appended to it (for writing the emulator's side).
 */
export function parityRun<K extends string>(o: { real: () => Side; emu: () => Side; advance: (ms: number) => void; view: (a: Answer, s: Side) => unknown; dumpEnv: string }): ParityRun<K> {
  const made: Array<{ side: Side; kind: K; id: string }> = [];
  const ids: Record<string, { real: string; emu: string }> = {};
  const side = (s: Side) => (s === o.emu() ? "emu" : "real");
  const mine = <R extends { id: string }>(s: Side, rows: R[]) => {
    const have = new Set(made.filter((m) => m.side === s).map((m) => m.id));
    return rows.filter((x) => have.has(x.id));
  };
  return {
    made,
    side,
    sides: () => [o.real(), o.emu()],
    async same(who, method, path, so = {}) {
      const p = (s: Side) => (typeof path === "string" ? path : path(s));
      const b = (s: Side) => (typeof so.body === "function" ? (so.body as (s: Side) => unknown)(s) : so.body);
      const { only, body: _body, ...rest } = so;
      const real = o.real();
      const emu = o.emu();
      const r = await send(real, who, method, p(real), { ...rest, body: b(real) });
      const e = await send(emu, who, method, p(emu), { ...rest, body: b(emu) });
      const view = (a: Answer, s: Side) => o.view(only ? { ...a, body: only(s, a.raw) } : a, s);
      const dump = process.env[o.dumpEnv];
      if (dump) appendFileSync(dump, `${JSON.stringify({ step: `${who} ${method} ${p(real)}`, real: view(r, real), emu: view(e, emu), rawReal: r.raw })}\n`);
      expect.soft(view(e, emu), `${who} ${method} ${p(real)}`).toEqual(view(r, real));
      return { real: r, emu: e };
    },
    remember(name, kind, got, key) {
      const r = (got.real.raw as any)?.[key]?.id as string | undefined;
      const e = (got.emu.raw as any)?.[key]?.id as string | undefined;
      if (r) made.push({ side: o.real(), kind, id: r });
      if (e) made.push({ side: o.emu(), kind, id: e });
      ids[name] = { real: r ?? "missing", emu: e ?? "missing" };
    },
    idOf: (name) => (s) => ids[name]![side(s)],
    ours: (listKey) => (s, body) => (body && Array.isArray(body[listKey]) ? { ...body, [listKey]: mine(s, body[listKey]) } : body),
    mine,
    async poll(s, pace, done) {
      for (let i = 0; i < pace.tries; i++) {
        if (await done()) return true;
        if (s === o.emu()) o.advance(pace.emuStep);
        else await new Promise((ok) => setTimeout(ok, pace.realPause));
      }
      return false;
    },
  };
}
