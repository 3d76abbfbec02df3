import { Compute } from "@rax/compute";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorTarget, startEmulatorTarget } from "../emulator/emulator-target";
import { uniqueName } from "../scenarios/target";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

/**
 * Raw Nova requests sent to real Nova (fake driver) and to the emulator; the answers must agree on
 * what a client can observe: the status and the error body's key (`itemNotFound`, `badRequest`, …),
 * which python-novaclient and @rax/compute read. A failure here is a difference: see DIFFERENCES.md.
 * Runs when the catalog offers compute (start.sh … nova); otherwise skipped.
 */

interface Step {
  name: string;
  method: string;
  /** Relative to the compute endpoint; `{k}` is this run's keypair name, `{image}` an ACTIVE image id. */
  path: string;
  json?: unknown;
}
interface Observed {
  status: number;
  /** The single top-level key of an error body, or "(none)". */
  errorKey: string;
  /** The error message, shown when a step fails (ids and wording differ, so not compared). */
  message?: string;
}

const STEPS: Step[] = [
  { name: "missing flavor", method: "GET", path: "flavors/no-such-flavor-rax" },
  { name: "missing server", method: "GET", path: "servers/00000000-0000-4000-8000-000000000000" },
  { name: "action on a missing server", method: "POST", path: "servers/00000000-0000-4000-8000-000000000000/action", json: { reboot: { type: "HARD" } } },
  { name: "missing keypair", method: "GET", path: "os-keypairs/{k}-nope" },
  { name: "flavors with a bad minDisk", method: "GET", path: "flavors/detail?minDisk=lots" },
  { name: "servers with a bad limit", method: "GET", path: "servers?limit=lots" },
  { name: "images by Rackspace's type value (Glance's image_type, compared exactly: no match, no 400)", method: "GET", path: "images/detail?type=SNAPSHOT" },
  { name: "images by another image_type", method: "GET", path: "images/detail?type=backup" },
  { name: "servers after a marker Nova never had", method: "GET", path: "servers/detail?marker=00000000-0000-4000-8000-000000000000" },
  { name: "metadata key of a missing server", method: "DELETE", path: "servers/00000000-0000-4000-8000-000000000000/metadata/a" },
  { name: "create server without imageRef", method: "POST", path: "servers", json: { server: { name: "x", flavorRef: "1" } } },
  { name: "create server with a non-uuid imageRef", method: "POST", path: "servers", json: { server: { name: "x", imageRef: "not-a-uuid", flavorRef: "1" } } },
  { name: "create server with an unknown flavor", method: "POST", path: "servers", json: { server: { name: "x", imageRef: "{image}", flavorRef: "no-such-flavor-rax" } } },
  { name: "create server with an unknown key_name", method: "POST", path: "servers", json: { server: { name: "x", imageRef: "{image}", flavorRef: "1", key_name: "{k}-nope" } } },
  { name: "create keypair", method: "POST", path: "os-keypairs", json: { keypair: { name: "{k}" } } },
  { name: "create it again", method: "POST", path: "os-keypairs", json: { keypair: { name: "{k}" } } },
  { name: "import a bad public key", method: "POST", path: "os-keypairs", json: { keypair: { name: "{k}-bad", public_key: "ssh-rsa not-base64!" } } },
  { name: "delete keypair", method: "DELETE", path: "os-keypairs/{k}" },
  { name: "delete it again", method: "DELETE", path: "os-keypairs/{k}" },
];

async function observe(base: string, token: string, vars: Record<string, string>, step: Step): Promise<Observed> {
  const sub = (s: string) => s.replace(/\{(\w+)\}/g, (_, v: string) => vars[v]!);
  const res = await fetch(`${base}/${sub(step.path)}`, {
    method: step.method,
    headers: { "x-auth-token": token, accept: "application/json", ...(step.json ? { "content-type": "application/json" } : {}) },
    ...(step.json ? { body: sub(JSON.stringify(step.json)) } : {}),
  });
  const text = await res.text();
  let errorKey = "(none)";
  let message: string | undefined;
  if (res.status >= 400) {
    try {
      const body = JSON.parse(text) as Record<string, { message?: string }>;
      errorKey = Object.keys(body).join(",");
      message = Object.values(body)[0]?.message;
    } catch {
      errorKey = `(not json: ${text.slice(0, 60)})`;
    }
  }
  return { status: res.status, errorKey, ...(message ? { message } : {}) };
}

const real = await startOpenStackTarget().catch((e: unknown) => e as Error);
const skip = real instanceof Error || !offersCompute(real);
function offersCompute(t: OpenStackTarget): boolean {
  try {
    void t.ctx.client(Compute, { region: t.region }).endpoint;
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(skip)("wire parity: the emulator answers raw Nova requests as real Nova does", () => {
  let emu: EmulatorTarget;
  const results = new Map<string, { real: Observed; emulator: Observed }>();

  async function side(t: OpenStackTarget | EmulatorTarget): Promise<[string, string, Record<string, string>]> {
    const nova = t.ctx.client(Compute, { region: t.region });
    const image = (await nova.images.listBase()).find((i) => i.status === "ACTIVE")!;
    return [nova.endpoint, await t.ctx.session.getToken(), { k: uniqueName("kp").replace(/[^A-Za-z0-9_-]/g, "-"), image: image.id }];
  }

  beforeAll(async () => {
    emu = await startEmulatorTarget();
    const [rBase, rTok, rVars] = await side(real as OpenStackTarget);
    const [eBase, eTok, eVars] = await side(emu);
    for (const step of STEPS) {
      results.set(step.name, { real: await observe(rBase, rTok, rVars, step), emulator: await observe(eBase, eTok, eVars, step) });
    }
  });
  afterAll(async () => {
    await emu?.close();
    if (!(real instanceof Error)) await real.close();
  });

  for (const step of STEPS) {
    it(`${step.method} ${step.path} — ${step.name}`, () => {
      const r = results.get(step.name)!;
      const seen = (o: Observed) => ({ status: o.status, errorKey: o.errorKey });
      expect(seen(r.emulator), `real Nova: ${r.real.message ?? "-"} | emulator: ${r.emulator.message ?? "-"}`).toEqual(seen(r.real));
    });
  }
});
