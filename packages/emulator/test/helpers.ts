import { createHash } from "node:crypto";
import { connect } from "node:net";
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "../src/index";

export interface Session {
  emu: RunningEmulator;
  token: string;
  /** Cloud Files publicURL for DFW. */
  storage: string;
  /** Cloud Files CDN management URL for DFW. */
  cdn: string;
  catalog: Array<{ type: string; name: string; endpoints: Array<Record<string, string>> }>;
}

export async function authV2(emu: RunningEmulator, username = "demo", apiKey = "demo-api-key") {
  const res = await fetch(`${emu.authUrl}/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username, apiKey } } }),
  });
  if (res.status !== 200) throw new Error(`auth failed: ${res.status}`);
  return (await res.json()) as { access: { token: { id: string }; serviceCatalog: Session["catalog"] } };
}

export async function session(options: StartEmulatorOptions = {}): Promise<Session> {
  const emu = await startEmulator(options);
  const body = await authV2(emu);
  const endpoint = (type: string) => body.access.serviceCatalog.find((s) => s.type === type)!.endpoints.find((e) => e.region === "DFW")!;
  return {
    emu,
    token: body.access.token.id,
    storage: endpoint("object-store").publicURL!,
    cdn: endpoint("rax:object-cdn").publicURL!,
    catalog: body.access.serviceCatalog,
  };
}

/** fetch with the session's token. */
export function call(s: Session, url: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  return fetch(url, { ...init, headers: { "x-auth-token": s.token, ...init.headers } });
}

export function md5(data: string | Buffer): string {
  return createHash("md5").update(data).digest("hex");
}

/** Writes `request` on a fresh socket and resolves with everything the server sent (latin1) once it closes. */
export function rawExchange(base: string, request: string | Buffer): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let data = "";
    socket.on("data", (c) => (data += c.toString("latin1")));
    socket.on("close", () => resolve(data));
    socket.on("error", reject);
    socket.write(request);
  });
}
