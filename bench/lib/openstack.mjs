// Real OpenStack servers for the large-object and folder rows, through scripts/openstack/*.sh
// (owned by another engineer): reuse servers that already answer, else start them, and stop only
// what this run started.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { REPO_DIR, OPENSTACK_ENV } from "./paths.mjs";

const START = path.join(REPO_DIR, "scripts", "openstack", "start.sh");
const STOP = path.join(REPO_DIR, "scripts", "openstack", "stop.sh");
const PARTS = ["keystone", "swift"];

export class ServersUnavailable extends Error {
  name = "ServersUnavailable";
}

function readEnv() {
  return fs.existsSync(OPENSTACK_ENV) ? JSON.parse(fs.readFileSync(OPENSTACK_ENV, "utf8")) : null;
}

async function answers(url) {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(3000) });
    await r.arrayBuffer();
    return r.status < 500;
  } catch {
    return false;
  }
}

async function swiftAnswers(env) {
  return Boolean(env?.swift?.info && env?.swift?.tempauth?.authUrl) && (await answers(env.swift.info));
}

function sh(script, args, log, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [script, ...args], { cwd: REPO_DIR, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const onData = (d) => {
      out += d;
      for (const line of String(d).split("\n").filter(Boolean)) log(`  ${path.basename(script)}: ${line}`);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(script)} ${args.join(" ")} exited ${code}: ${out.split("\n").slice(-5).join(" | ")}`));
    });
  });
}

export class OpenStackServers {
  constructor({ log, noServers, keep }) {
    this.log = log;
    this.noServers = noServers;
    this.keep = keep;
    this.started = false;
    this.pending = null;
  }

  /** The env.json of running servers; throws ServersUnavailable (a skip, not a failure) when there are none. */
  ensure() {
    this.pending ??= this.#ensure();
    return this.pending;
  }

  async #ensure() {
    if (this.noServers) throw new ServersUnavailable("--no-servers");
    const env = readEnv();
    if (await swiftAnswers(env)) {
      this.log("OpenStack servers already running: reusing them (and leaving them running)");
      return env;
    }
    if (!fs.existsSync(START)) throw new ServersUnavailable("scripts/openstack/start.sh is missing");
    if (!fs.existsSync("/usr/bin/swift-proxy-server") || !fs.existsSync("/usr/bin/keystone-manage")) {
      throw new ServersUnavailable("Swift/Keystone are not installed (bash scripts/openstack/install.sh)");
    }
    this.log(`starting OpenStack servers: bash scripts/openstack/start.sh ${PARTS.join(" ")}`);
    this.started = true;
    try {
      await sh(START, PARTS, this.log, 300_000);
    } catch (e) {
      throw new ServersUnavailable(`start.sh failed: ${e.message}`);
    }
    const fresh = readEnv();
    if (!(await swiftAnswers(fresh))) throw new ServersUnavailable("start.sh succeeded but Swift does not answer");
    return fresh;
  }

  async stop() {
    if (!this.started || this.keep) return;
    this.started = false;
    this.log("stopping the OpenStack servers this run started");
    await sh(STOP, [], this.log, 60_000);
  }
}

/** A tempauth token and storage URL: both rax and `swift` then skip authentication, so rows time the uploads. */
export async function swiftToken(env) {
  const { authUrl, user, key } = env.swift.tempauth;
  const r = await fetch(authUrl, { headers: { "x-auth-user": user, "x-auth-key": key } });
  await r.arrayBuffer();
  const token = r.headers.get("x-auth-token");
  const storageUrl = r.headers.get("x-storage-url");
  if (!r.ok || !token || !storageUrl) throw new Error(`tempauth at ${authUrl} answered ${r.status}`);
  return { token, storageUrl };
}

/**
 * A Keystone v3 token (demo user) and its project's storage URL on the Keystone-backed Swift proxy,
 * plus an application credential for clients that only authenticate with one. Used by the
 * swift-peers rows, where every client talks to the same proxy.
 */
export async function keystoneSwift(env) {
  const u = env.users.demo;
  const body = {
    auth: {
      identity: { methods: ["password"], password: { user: { name: u.username, domain: { id: u.domainId }, password: u.password } } },
      scope: { project: { id: u.projectId } },
    },
  };
  const base = env.authUrl.replace(/\/v3\/?$/, "");
  const r = await fetch(`${base}/v3/auth/tokens?nocatalog`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  await r.arrayBuffer();
  const token = r.headers.get("x-subject-token");
  if (r.status !== 201 || !token) throw new Error(`keystone at ${base} answered ${r.status} to a password auth`);
  const storageUrl = env.swift.endpoints.public.replace("%(project_id)s", u.projectId);
  const ac = await fetch(`${base}/v3/users/${u.userId}/application_credentials`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-auth-token": token },
    body: JSON.stringify({ application_credential: { name: `rax-bench-${Date.now().toString(36)}` } }),
  });
  const acBody = await ac.json().catch(() => ({}));
  if (ac.status !== 201) throw new Error(`keystone answered ${ac.status} to an application credential create`);
  const appCred = { id: acBody.application_credential.id, secret: acBody.application_credential.secret };
  const dropAppCred = async () => {
    const d = await fetch(`${base}/v3/users/${u.userId}/application_credentials/${appCred.id}`, { method: "DELETE", headers: { "x-auth-token": token } });
    await d.arrayBuffer();
  };
  return { token, storageUrl, authBase: base, user: u, region: env.region, appCred, dropAppCred };
}
