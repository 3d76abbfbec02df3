// Unit tests' server: @rax/emulator on loopback (an independent reading of the Swift API), with a
// client wired to its DFW storage and CDN endpoints. Scripted fixtures (fixture-server.ts) cover
// what a well-behaved server never does.
import { StaticSession } from "@rax/core";
import { type Account, type Container, type RunningEmulator, startEmulator } from "@rax/emulator";
import { ObjectStore, type ObjectStoreOptions } from "../src/index";

export interface EmulatedSwift {
  emu: RunningEmulator;
  /** The storage account the client writes to, read straight from the emulator's state. */
  account(): Account;
  /** A container of that account, as stored (undefined when absent). */
  container(name: string): Container | undefined;
  /** Names stored in a container, in Swift's order ([] when the container is absent). */
  names(container: string): string[];
  /** A stored object's bytes. */
  data(container: string, name: string): Buffer | undefined;
  /** Store an object over plain HTTP (not through the SDK), creating the container if needed. */
  put(container: string, name: string, data: string | Buffer, headers?: Record<string, string>): Promise<void>;
  /** Create a container over plain HTTP. */
  createContainer(name: string): Promise<void>;
  /** Index into `emu.requests`, for `since`. */
  mark(): number;
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
  const accountName = decodeURIComponent(new URL(storageUrl).pathname.split("/").filter(Boolean).at(-1) as string);
  const account = () => emu.state.storage.findAccount("DFW", accountName) as Account;
  const container = (name: string) => account()?.containers.get(name);
  const raw = async (method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}) => {
    const r = await fetch(`${storageUrl}${path}`, { method, body, headers: { "x-auth-token": token, ...headers } });
    await r.arrayBuffer();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status}`);
  };
  return {
    emu,
    account,
    container,
    names: (name) => [...(container(name)?.objects.keys() ?? [])].sort(),
    data: (c, n) => {
      const obj = container(c)?.objects.get(n);
      return obj ? Buffer.concat(obj.chunks) : undefined;
    },
    put: async (c, n, data, headers = {}) => {
      if (!container(c)) await raw("PUT", `/${encodeURIComponent(c)}`);
      await raw("PUT", `/${encodeURIComponent(c)}/${n.split("/").map(encodeURIComponent).join("/")}`, data, headers);
    },
    createContainer: (c) => raw("PUT", `/${encodeURIComponent(c)}`),
    mark: () => emu.requests.length,
    token,
    storageUrl,
    cdnUrl,
    client: (o = {}) => new ObjectStore(new StaticSession({ token, endpoints: { "object-store": storageUrl, "rax:object-cdn": cdnUrl } }), o),
    since: (mark) => emu.requests.slice(mark).filter((r) => r.service === "object-store" || r.service === "cdn"),
    close: () => emu.stop(),
  };
}
