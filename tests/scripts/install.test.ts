// scripts/openstack/install.sh on a machine that lacks packages (what CI's fresh machine is), run
// for real with apt-get replaced by a recorder: dpkg-query is the real one, so a package it has
// never heard of is what a fresh machine shows. Nothing is installed.
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const install = join(root, "scripts", "openstack", "install.sh");
const ABSENT = "rax-test-package-that-does-not-exist";
const hasDpkg = existsSync("/usr/bin/dpkg-query");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "rax-install-"));
  mkdirSync(join(dir, "parts"));
  mkdirSync(join(dir, "lists"));
  // a part that needs one package dpkg knows (installed everywhere) and one nobody has
  writeFileSync(join(dir, "parts", "probe.sh"), `probe_packages() { echo bash ${ABSENT}; }\nprobe_requires() { echo base; }\n`);
  writeFileSync(join(dir, "parts", "base.sh"), `base_packages() { echo coreutils; }\n`);
  writeFileSync(join(dir, "parts", "here.sh"), `here_packages() { echo bash coreutils; }\n`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** a stand-in for apt-get: logs each call (and whether the no-daemons policy was in place); the
 * first `install` fails when FAIL_FIRST_INSTALL is set, as apt does for a package its lists lack */
function fakeAptGet(): string {
  const path = join(dir, "apt-get");
  writeFileSync(
    path,
    `#!/bin/bash
verb=""; for a in "$@"; do case $a in update|install) verb=$a ;; esac; done
policy=no; [ -x "${dir}/policy-rc.d" ] && policy=yes
echo "$verb policy=$policy $*" >>"${dir}/calls"
if [ "$verb" = install ] && [ -n "\${FAIL_FIRST_INSTALL:-}" ] && [ ! -e "${dir}/failed-once" ]; then
  touch "${dir}/failed-once"; echo "E: Unable to locate package ${ABSENT}" >&2; exit 100
fi
exit 0
`,
  );
  chmodSync(path, 0o755);
  return path;
}

function run(parts: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; calls: string[] }> {
  return new Promise((resolve) => {
    execFile(
      "bash",
      [install, ...parts],
      {
        env: {
          ...process.env,
          APT_GET: fakeAptGet(),
          OS_APT_LISTS: join(dir, "lists"),
          OS_POLICY_RC_D: join(dir, "policy-rc.d"),
          OS_PARTS_DIR: join(dir, "parts"),
          OS_BASE_PACKAGES: "",
          ...env,
        },
        timeout: 60_000,
      },
      (err, stdout, stderr) => {
        const calls = existsSync(join(dir, "calls")) ? readFileSync(join(dir, "calls"), "utf8").trim().split("\n") : [];
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr, calls });
      },
    );
  });
}

describe.skipIf(!hasDpkg)("install.sh on a machine without the packages", () => {
  it("updates stale apt lists, then installs exactly the missing packages, with daemons kept from starting", async () => {
    const r = await run(["probe"]);
    expect(r.out).not.toMatch(/ERROR/);
    expect(r.code).toBe(0);
    expect(r.calls).toHaveLength(2);
    expect(r.calls[0]).toMatch(/^update policy=yes/);
    expect(r.calls[1]).toMatch(/^install policy=yes /);
    expect(r.calls[1]).toContain(` ${ABSENT}`);
    expect(r.calls[1]).toContain("--no-install-recommends");
    expect(r.calls[1]).not.toMatch(/ bash( |$)/); // installed already: not asked for
    expect(r.calls[1]).not.toMatch(/ coreutils( |$)/); // pulled in through probe_requires
    expect(existsSync(join(dir, "policy-rc.d"))).toBe(false); // the temporary policy is gone again
  });

  it("skips apt-get update when the lists are fresh", async () => {
    writeFileSync(join(dir, "lists", "deb.example_dists_bookworm_main_binary-amd64_Packages.lz4"), "");
    const r = await run(["probe"]);
    expect(r.code).toBe(0);
    expect(r.calls.map((c) => c.split(" ")[0])).toEqual(["install"]);
  });

  it("updates when the lists are older than 6 hours", async () => {
    const f = join(dir, "lists", "deb.example_dists_bookworm_main_binary-amd64_Packages.lz4");
    writeFileSync(f, "");
    const old = new Date(Date.now() - 7 * 3600_000);
    utimesSync(f, old, old);
    const r = await run(["probe"]);
    expect(r.code).toBe(0);
    expect(r.calls.map((c) => c.split(" ")[0])).toEqual(["update", "install"]);
  });

  it("takes a recent apt-get update (it writes into partial/) as fresh although the suite's list files keep the archive's old date", async () => {
    const f = join(dir, "lists", "deb.example_dists_bookworm_main_binary-amd64_Packages.lz4");
    writeFileSync(f, "");
    const old = new Date(Date.now() - 30 * 24 * 3600_000);
    utimesSync(f, old, old);
    mkdirSync(join(dir, "lists", "partial"));
    const r = await run(["probe"]);
    expect(r.code).toBe(0);
    expect(r.calls.map((c) => c.split(" ")[0])).toEqual(["install"]);
  });

  it("runs apt-get update and retries once when the install fails on fresh-looking lists", async () => {
    writeFileSync(join(dir, "lists", "deb.example_dists_bookworm_main_binary-amd64_Packages.lz4"), "");
    const r = await run(["probe"], { FAIL_FIRST_INSTALL: "1" });
    expect(r.code).toBe(0);
    expect(r.calls.map((c) => c.split(" ")[0])).toEqual(["install", "update", "install"]);
  });

  it("fails (non-zero) when apt-get keeps failing", async () => {
    const failing = join(dir, "apt-get-fails");
    writeFileSync(failing, "#!/bin/sh\necho \"$*\" >>" + JSON.stringify(join(dir, "calls")) + "\ncase \"$*\" in *install*) exit 100;; esac\n");
    chmodSync(failing, 0o755);
    const r = await run(["probe"], { APT_GET: failing });
    expect(r.code).not.toBe(0);
  });

  it("touches no apt at all when every package is installed", async () => {
    const r = await run(["here"]);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([]);
    expect(r.out).toMatch(/already installed/);
  });

  it("refuses an unknown part before anything runs", async () => {
    const r = await run(["no-such-part"]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/unknown part: no-such-part/);
    expect(r.calls).toEqual([]);
  });
});
