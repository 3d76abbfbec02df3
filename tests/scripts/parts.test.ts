// scripts/openstack's parts: `start.sh <parts…>` must start any subset, so every part's requirements
// must resolve to known parts, dependencies first; every service part must say its ports and have a
// way to tell it answers, and every catalog service a smoke check. (Starting them is smoke.sh's job
// on a machine with the packages; this runs anywhere bash is.)
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = fileURLToPath(new URL("../../scripts/openstack", import.meta.url));
const parts = readdirSync(join(dir, "parts")).filter((f) => f.endsWith(".sh")).map((f) => f.slice(0, -3));
const sh = (script: string) =>
  execFileSync("bash", ["-c", `set -euo pipefail; OS_SCRIPT=test; . "${dir}/lib.sh"; . "${dir}/smoke-services.sh"; ${script}`], {
    encoding: "utf8",
    env: { ...process.env, TMP: "/nonexistent", ADMIN_TOKEN: "" },
  }).trim();

describe("scripts/openstack parts", () => {
  it("has the service parts of the issues", () => {
    for (const p of ["keystone", "swift", "glance", "placement", "nova", "neutron", "cinder", "trove", "zaqar", "designate"]) expect(parts).toContain(p);
  });

  it.each(parts)("%s: its requirements resolve, dependencies before dependants", (p) => {
    const order = sh(`resolve_parts ${p}`).split("\n");
    expect(order.at(-1)).toBe(p);
    for (const [i, q] of order.entries()) {
      const needs = sh(`hook ${q} requires`).split(/\s+/).filter(Boolean);
      for (const n of needs) expect(order.indexOf(n), `${q} needs ${n}`).toBeGreaterThanOrEqual(0);
      for (const n of needs) expect(order.indexOf(n), `${n} before ${q}`).toBeLessThan(i);
    }
  });

  it.each(parts)("%s: a service part names its ports and can tell it answers; a catalog service has a smoke check", (p) => {
    if (sh(`is_service ${p} && echo yes || echo no`) === "no") return;
    expect(sh(`hook ${p} ports`)).toMatch(/^\d+( \d+)*$/);
    expect(sh(`has_hook ${p} check && echo yes || echo no`)).toBe("yes");
    expect(sh(`has_hook ${p} wait && echo yes || echo no`)).toBe("yes");
    const catalog = sh(`hook ${p} catalog`);
    if (catalog && !["keystone", "swift"].includes(p)) expect(sh(`declare -F smoke_${p} >/dev/null && echo yes || echo no`)).toBe("yes");
    // loopback only
    for (const line of catalog.split("\n").filter((l) => l.startsWith("endpoint "))) expect(line).toMatch(/ http:\/\/(127\.0\.0\.1|localhost):\d+/);
  });

  it("no two parts listen on the same port", () => {
    const seen = new Map<string, string>();
    for (const p of parts)
      for (const port of sh(`hook ${p} ports`).split(/\s+/).filter(Boolean)) {
        expect(seen.get(port), `port ${port}`).toBeUndefined();
        seen.set(port, p);
      }
  });
});
