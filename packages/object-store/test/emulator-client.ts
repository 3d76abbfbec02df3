// Unit tests' server: @rax/emulator on loopback (an independent reading of the Swift API), with a
// client wired to its DFW storage and CDN endpoints. Scripted fixtures (fixture-server.ts) cover
// what a well-behaved server never does.
import { StaticSession } from "@rax/core";
import { type RunningEmulator, startEmulator } from "@rax/emulator";
import { ObjectStore, type ObjectStoreOptions } from "../src/index";

export interface EmulatedSwift {
  emu: RunningEmulator;
  token: string;
  storageUrl: string;
  cdnUrl: string;
  client(o?: ObjectStoreOptions): ObjectStore;
  /** Object-store requests logged since `mark` (an index into `emu.requests`). */
  since(mark: number): RunningEmulator["requests"];
  close(): Promise<void>;
}

interface CatalogEntry {
  type: string;
  endpoints: { region?: string; publicURL: string }[];
}

export async function startEmulatedSwift(): Promise<EmulatedSwift> {
  const emu = await startEmulator();
  const res = await fetch(`${emu.authUrl}/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username: "demo", apiKey: "demo-api-key" } } }),
  });
  const body = (await res.json()) as { access: { token: { id: string }; serviceCatalog: CatalogEntry[] } };
  const url = (type: string) => body.access.serviceCatalog.find((s) => s.type === type)?.endpoints.find((e) => e.region === "DFW")?.publicURL as string;
  const token = body.access.token.id;
  const storageUrl = url("object-store");
  const cdnUrl = url("rax:object-cdn");
  return {
    emu,
    token,
    storageUrl,
    cdnUrl,
    client: (o = {}) => new ObjectStore(new StaticSession({ token, endpoints: { "object-store": storageUrl, "rax:object-cdn": cdnUrl } }), o),
    since: (mark) => emu.requests.slice(mark).filter((r) => r.service === "object-store" || r.service === "cdn"),
    close: () => emu.stop(),
  };
}
