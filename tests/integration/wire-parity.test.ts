import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorTarget, startEmulatorTarget } from "../emulator/emulator-target";
import { uniqueName } from "../scenarios/target";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

/**
 * Raw Swift requests sent to real Swift and to the emulator; the answers must agree on what a
 * client can observe (status, the headers it reads, the shape of JSON bodies). A failure here is
 * an emulator difference: see DIFFERENCES.md.
 */

interface Step {
  name: string;
  method: string;
  /** Relative to the account URL; `{c}` is this run's container. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Header names whose presence (and, listed in `sameValue`, whose value) must match. */
  headers_present?: string[];
  sameValue?: string[];
  /** Compare the JSON body's keys (listing rows) */
  jsonKeys?: boolean;
  /** Compare the whole text body. */
  sameBody?: boolean;
}

interface Observed {
  status: number;
  contentType: string;
  headers: Record<string, string | null>;
  jsonKeys?: string;
  body?: string;
}

const md5 = (s: string) => createHash("md5").update(s).digest("hex");

const STEPS: Step[] = [
  { name: "create container", method: "PUT", path: "{c}" },
  { name: "create it again", method: "PUT", path: "{c}" },
  { name: "HEAD empty container", method: "HEAD", path: "{c}", headers_present: ["x-container-object-count", "x-container-bytes-used", "x-timestamp", "x-trans-id"], sameValue: ["x-container-object-count"] },
  { name: "GET empty container (json)", method: "GET", path: "{c}?format=json", sameBody: true },
  { name: "GET empty container (plain)", method: "GET", path: "{c}", sameBody: true },
  { name: "PUT object", method: "PUT", path: "{c}/a/b.txt", body: "hello", headers: { "content-type": "text/plain" }, headers_present: ["etag", "last-modified"], sameValue: ["etag"] },
  { name: "PUT with wrong ETag", method: "PUT", path: "{c}/bad.txt", body: "hello", headers: { etag: md5("other") } },
  { name: "PUT with right ETag", method: "PUT", path: "{c}/good.txt", body: "hello", headers: { etag: md5("hello") }, sameValue: ["etag"] },
  { name: "If-None-Match: * on existing", method: "PUT", path: "{c}/good.txt", body: "x", headers: { "if-none-match": "*" } },
  { name: "HEAD object", method: "HEAD", path: "{c}/a/b.txt", headers_present: ["etag", "content-length", "last-modified", "x-timestamp", "accept-ranges"], sameValue: ["etag", "content-length", "content-type", "accept-ranges"] },
  { name: "GET range", method: "GET", path: "{c}/a/b.txt", headers: { range: "bytes=1-3" }, sameValue: ["content-range", "content-length"], sameBody: true },
  { name: "GET suffix range", method: "GET", path: "{c}/a/b.txt", headers: { range: "bytes=-2" }, sameValue: ["content-range"], sameBody: true },
  { name: "GET unsatisfiable range", method: "GET", path: "{c}/a/b.txt", headers: { range: "bytes=10-20" }, sameValue: ["content-range"] },
  { name: "GET If-None-Match etag", method: "GET", path: "{c}/a/b.txt", headers: { "if-none-match": md5("hello") } },
  { name: "GET If-Match wrong", method: "GET", path: "{c}/a/b.txt", headers: { "if-match": md5("nope") } },
  { name: "listing json", method: "GET", path: "{c}?format=json", jsonKeys: true },
  { name: "listing json delimiter", method: "GET", path: "{c}?format=json&delimiter=/", jsonKeys: true },
  { name: "listing plain", method: "GET", path: "{c}", sameBody: true },
  { name: "listing limit+marker", method: "GET", path: "{c}?marker=a/b.txt&limit=1", sameBody: true },
  { name: "POST object metadata", method: "POST", path: "{c}/a/b.txt", headers: { "x-object-meta-color": "blue" } },
  { name: "HEAD after POST keeps content-type?", method: "HEAD", path: "{c}/a/b.txt", sameValue: ["content-type", "x-object-meta-color"] },
  { name: "POST X-Delete-After", method: "POST", path: "{c}/good.txt", headers: { "x-delete-after": "3600" } },
  { name: "HEAD shows X-Delete-At", method: "HEAD", path: "{c}/good.txt", headers_present: ["x-delete-at"] },
  { name: "COPY verb", method: "COPY", path: "{c}/a/b.txt", headers: { destination: "{c}/copied.txt" }, headers_present: ["x-copied-from"], sameValue: ["x-copied-from"] },
  { name: "PUT X-Copy-From", method: "PUT", path: "{c}/copied2.txt", headers: { "x-copy-from": "{c}/a/b.txt" }, sameValue: ["x-copied-from"] },
  { name: "copy from missing", method: "PUT", path: "{c}/copied3.txt", headers: { "x-copy-from": "{c}/missing" } },
  { name: "GET missing object", method: "GET", path: "{c}/missing" },
  { name: "HEAD missing container", method: "HEAD", path: "{c}-nope" },
  { name: "PUT object into missing container", method: "PUT", path: "{c}-nope/x", body: "x" },
  { name: "DELETE missing object", method: "DELETE", path: "{c}/missing" },
  { name: "DELETE non-empty container", method: "DELETE", path: "{c}" },
  { name: "container name too long", method: "PUT", path: `${"x".repeat(257)}` },
  { name: "metadata value too long", method: "POST", path: "{c}", headers: { "x-container-meta-big": "v".repeat(257) } },
  { name: "container metadata", method: "POST", path: "{c}", headers: { "x-container-meta-owner": "me" } },
  { name: "HEAD container metadata", method: "HEAD", path: "{c}", sameValue: ["x-container-meta-owner", "x-container-object-count"] },
  { name: "remove container metadata", method: "POST", path: "{c}", headers: { "x-remove-container-meta-owner": "x" } },
  { name: "HEAD container metadata removed", method: "HEAD", path: "{c}", sameValue: ["x-container-meta-owner"] },
  { name: "bulk delete", method: "DELETE", path: "?bulk-delete=true", headers: { "content-type": "text/plain", accept: "application/json" }, body: "/{c}/copied.txt\n/{c}/nope\n", jsonKeys: true },
  { name: "DLO manifest PUT", method: "PUT", path: "{c}/dlo", headers: { "x-object-manifest": "{c}/a/" }, body: "" },
  { name: "GET DLO", method: "GET", path: "{c}/dlo", sameBody: true, headers_present: ["x-object-manifest", "etag"], sameValue: ["content-length"] },
  { name: "DLO GET with two ranges (whole object, 200)", method: "GET", path: "{c}/dlo", headers: { range: "bytes=0-1,3-4" }, sameBody: true, sameValue: ["content-length"] },
  { name: "container HEAD has Last-Modified", method: "HEAD", path: "{c}", headers_present: ["last-modified"] },
  // Allow is compared as present only: real Swift lists the methods in Python set order, which changes per proxy start.
  { name: "OPTIONS without Origin (no token)", method: "OPTIONS", path: "{c}/a/b.txt", headers: { "x-auth-token": "" }, headers_present: ["allow"] },
  { name: "CORS preflight to a container without CORS", method: "OPTIONS", path: "{c}/a/b.txt", headers: { "x-auth-token": "", origin: "http://m.example", "access-control-request-method": "GET" } },
  { name: "X-If-Delete-At not a timestamp", method: "DELETE", path: "{c}/missing", headers: { "x-if-delete-at": "bad" } },
  { name: "unknown storage policy", method: "PUT", path: "{c}-policy", headers: { "x-storage-policy": "no-such-policy" } },
  { name: "X-Delete-At beyond range", method: "PUT", path: "{c}/far.txt", body: "x", headers: { "x-delete-at": "1".repeat(20) } },
  { name: "HEAD shows the clamped X-Delete-At", method: "HEAD", path: "{c}/far.txt", sameValue: ["x-delete-at"] },
  { name: "SLO with an inline data segment", method: "PUT", path: "{c}/slo-data?multipart-manifest=put", body: JSON.stringify([{ data: Buffer.from("pre-").toString("base64") }, { path: "/{c}/a/b.txt" }]), sameValue: ["etag"] },
  { name: "GET SLO with an inline data segment", method: "GET", path: "{c}/slo-data", sameBody: true },
  { name: "SLO manifest with a too-small segment", method: "PUT", path: "{c}/slo?multipart-manifest=put", body: JSON.stringify([{ path: "/{c}/a/b.txt", etag: md5("hello"), size_bytes: 5 }, { path: "/{c}/good.txt", etag: md5("hello"), size_bytes: 5 }]) },
  { name: "GET /info", method: "GET", path: "__info__" },
  { name: "account HEAD", method: "HEAD", path: "", headers_present: ["x-account-container-count", "x-account-object-count", "x-account-bytes-used", "x-timestamp"] },
  { name: "account listing json", method: "GET", path: "?format=json&prefix={c}", jsonKeys: true },
  { name: "unicode name", method: "PUT", path: "{c}/%C3%A9t%C3%A9%20%E2%98%83.txt", body: "snow", sameValue: ["etag"] },
  { name: "listing shows unicode name", method: "GET", path: "{c}?prefix=%C3%A9", sameBody: true },
  { name: "X-Delete-At in the past", method: "PUT", path: "{c}/past.txt", body: "x", headers: { "x-delete-at": "1000" } },
  { name: "X-Delete-After not a number", method: "PUT", path: "{c}/nan.txt", body: "x", headers: { "x-delete-after": "soon" } },
  { name: "POST changes content-type", method: "POST", path: "{c}/a/b.txt", headers: { "content-type": "text/x-new" } },
  { name: "HEAD after content-type POST", method: "HEAD", path: "{c}/a/b.txt", sameValue: ["content-type", "x-object-meta-color"] },
  { name: "metadata with underscore", method: "POST", path: "{c}/a/b.txt", headers: { "x-object-meta-my_key": "v" } },
  { name: "HEAD metadata with underscore", method: "HEAD", path: "{c}/a/b.txt", sameValue: ["x-object-meta-my_key", "x-object-meta-my-key"] },
  { name: "no token", method: "HEAD", path: "{c}/a/b.txt", headers: { "x-auth-token": "" } },
  { name: "bogus token", method: "GET", path: "{c}", headers: { "x-auth-token": "gAAAAAbogus" } },
  { name: "DLO manifest GET ?multipart-manifest=get", method: "GET", path: "{c}/dlo?multipart-manifest=get", headers_present: ["x-object-manifest"] },
  { name: "container listing of missing container", method: "GET", path: "{c}-nope?format=json" },
  // Swift guesses a type when the PUT names none (an empty header counts as none), and with X-Detect-Content-Type
  // (config_true_value spellings) even over a given one. The PUT's own Content-Type is its 201 page's.
  { name: "PUT with an empty Content-Type", method: "PUT", path: "{c}/guess.html", body: "x", headers: { "content-type": "" }, sameValue: ["etag", "last-modified"] },
  { name: "HEAD shows the guessed type", method: "HEAD", path: "{c}/guess.html", sameValue: ["content-type"] },
  { name: "PUT with X-Detect-Content-Type: yes", method: "PUT", path: "{c}/detect.html", body: "x", headers: { "content-type": "text/plain", "x-detect-content-type": "yes" } },
  { name: "HEAD shows the detected type", method: "HEAD", path: "{c}/detect.html", sameValue: ["content-type"] },
  // A static large object whose segments go missing: the first one missing is 409 up front, as is a range starting
  // in a missing one (a later one missing cuts a whole GET's body after a 200: tests/scenarios/object-store.ts).
  { name: "SLO segment 0", method: "PUT", path: "{c}/seg/0", body: "a".repeat(1024 * 1024) },
  { name: "SLO segment 1", method: "PUT", path: "{c}/seg/1", body: "b".repeat(1024 * 1024) },
  {
    name: "SLO manifest of two segments", method: "PUT", path: "{c}/cut?multipart-manifest=put",
    body: JSON.stringify([0, 1].map((i) => ({ path: `/{c}/seg/${i}`, etag: md5((i ? "b" : "a").repeat(1024 * 1024)), size_bytes: 1024 * 1024 }))),
  },
  { name: "delete SLO segment 1", method: "DELETE", path: "{c}/seg/1" },
  { name: "SLO range before the missing segment", method: "GET", path: "{c}/cut", headers: { range: "bytes=0-9" }, sameBody: true, sameValue: ["content-range", "content-length"] },
  { name: "SLO range starting in the missing segment", method: "GET", path: "{c}/cut", headers: { range: "bytes=1048576-1048586" } },
  { name: "delete SLO segment 0", method: "DELETE", path: "{c}/seg/0" },
  { name: "SLO whose first segment is missing", method: "GET", path: "{c}/cut" },
];

async function observe(base: string, token: string, c: string, step: Step): Promise<Observed> {
  const sub = (s: string) => s.replaceAll("{c}", c);
  let url = step.path === "__info__" ? `${new URL(base).origin}/info` : `${base}/${sub(step.path)}`;
  if (step.path === "" || step.path.startsWith("?")) url = `${base}${sub(step.path)}`;
  if (step.path === "__info__" && base.includes("/object-store/")) url = base.replace(/\/v1\/.*$/, "/info");
  const headers: Record<string, string> = { "x-auth-token": token };
  // An empty x-auth-token in the step means "send none".
  for (const [k, v] of Object.entries(step.headers ?? {})) headers[k] = sub(v);
  if (headers["x-auth-token"] === "") delete headers["x-auth-token"];
  const res = await fetch(url, { method: step.method, headers, ...(step.body !== undefined ? { body: sub(step.body) } : {}) });
  const text = await res.text();
  const out: Observed = { status: res.status, contentType: (res.headers.get("content-type") ?? "").split(";")[0]!, headers: {} };
  for (const h of step.headers_present ?? []) out.headers[h] = res.headers.get(h) === null ? "(absent)" : "(present)";
  for (const h of step.sameValue ?? []) out.headers[h] = res.headers.get(h)?.replaceAll(c, "{c}") ?? null;
  if (step.jsonKeys) {
    const j = JSON.parse(text) as unknown;
    const rows = Array.isArray(j) ? j : [j];
    out.jsonKeys = rows.map((r) => Object.keys(r as object).sort().join(",")).join(" | ");
  }
  // Error bodies are what a user sees in an exception message: compare them too.
  if (step.sameBody || res.status >= 400) out.body = text.replaceAll(c, "{c}");
  // A 304 has no body, so its Content-Type means nothing.
  if (res.status === 304) out.contentType = "(no body)";
  return out;
}

describe("wire parity: the emulator answers raw Swift requests as real Swift does", () => {
  let real: OpenStackTarget;
  let emu: EmulatorTarget;
  const c = uniqueName("wire");
  const results = new Map<string, { real: Observed; emulator: Observed }>();

  beforeAll(async () => {
    real = await startOpenStackTarget();
    emu = await startEmulatorTarget();
    const rBase = real.objectStore().endpoint;
    const eBase = emu.objectStore().endpoint;
    const rTok = await real.ctx.session.getToken();
    const eTok = await emu.ctx.session.getToken();
    for (const step of STEPS) {
      results.set(step.name, { real: await observe(rBase, rTok, c, step), emulator: await observe(eBase, eTok, c, step) });
    }
  });
  afterAll(async () => {
    await real?.objectStore().deleteContainer(c, { deleteObjects: true }).catch(() => undefined);
    await real?.close();
    await emu?.close();
  });

  for (const step of STEPS) {
    const shown = step.path.length > 40 ? `${step.path.slice(0, 12)}…(${step.path.length} chars)` : step.path;
    it(`${step.method} ${shown} — ${step.name}`, () => {
      const r = results.get(step.name)!;
      expect(r.emulator).toEqual(r.real);
    });
  }
});
