import { assignData, type CallOptions, type Paginated, registerSecret, ResourceFailed, type ServiceClient, validate, waitInPlace, type WaitOptions, waitUntil, waitUntilGone } from "@rax/core";
import { ServerFailed } from "../errors";
import { type Ref, ref } from "../ref";
import type { Address, CreateServerInput, ListServersInput, RebuildServerInput, RescueServerInput, ResizeServerInput, ServerData, UpdateServerInput } from "./models";
import { toServer } from "./models";
import { Rescue } from "./rescue";
import * as api from "./requests";

/** How `waitFor` polls: core's wait options (interval, attempts, timeout, signal, onProgress). */
export type WaitForOptions = Omit<WaitOptions<Server>, "failOn" | "faultOf">;

/** `waitFor` gives up after this long unless told otherwise (a Rackspace build takes minutes, not hours). */
const DEFAULT_WAIT_MS = 30 * 60_000;

/** `compute.servers`: Cloud Servers / Nova servers. Every method takes a server id or a `Server`. */
export class Servers {
  constructor(readonly client: ServiceClient) {}

  /** Servers with details; a `Paginated`: `await` it for the first page, `for await` for all. */
  list(filters?: ListServersInput, o?: CallOptions): Paginated<Server> {
    return api.listServers(this.client, filters, o).map((d) => new Server(this, d));
  }

  /** One server, fresh from Nova (pyrax `servers.get`). `NoSuchServer` if it does not exist. */
  async get(server: Ref, o?: CallOptions): Promise<Server> {
    return new Server(this, await api.getServer(this.client, server, o));
  }

  /** The one server named exactly `name`; `NoSuchServer` if none, `NoUniqueMatch` if several. */
  async find(name: string, o?: CallOptions): Promise<Server> {
    return new Server(this, await api.findServer(this.client, name, o));
  }

  /**
   * Creates a server (status BUILD); `image`, `flavor` and `name` are required, `meta` string
   * pairs (the cloud's quota), `files` ≤ 5. The returned server's `adminPass` is Nova's root password (a secret).
   */
  async create(input: CreateServerInput, o?: CallOptions): Promise<Server> {
    registerSecret(input?.adminPass);
    const { server, adminPass } = await api.createServer(this.client, input, o);
    return new Server(this, server, adminPass);
  }

  /**
   * Renames the server. The new `Server` is what Nova answers a PUT with: below microversion 2.75
   * a partial view (no `keyName`, task/vm state or availability zone) — `server.update` keeps those.
   */
  async update(server: Ref, changes: UpdateServerInput, o?: CallOptions): Promise<Server> {
    return new Server(this, await api.updateServer(this.client, server, changes, o));
  }

  /** Deletes the server; `waitFor(server, "DELETED")` waits until it is gone. */
  delete(server: Ref, o?: CallOptions): Promise<void> {
    return api.deleteServer(this.client, server, o);
  }

  /**
   * Reloads the server until its status is one of `status`. ERROR (unless asked for) rejects with
   * `ServerFailed` carrying Nova's `fault`; waiting for "DELETED" resolves when Nova says 404.
   * Running out of `attempts` rejects with `WaitTimeout`; `signal` with `AbortError`.
   */
  async waitFor(server: Ref, status: string | string[], o: WaitForOptions = {}): Promise<Server> {
    const want = (Array.isArray(status) ? status : [status]).map((x) => String(x).toUpperCase());
    const known = server instanceof Server ? server : undefined;
    const wait = { interval: 5000, timeout: DEFAULT_WAIT_MS, ...o };
    const load = () => this.get(server, { signal: o.signal });
    if (want.includes("DELETED")) {
      // Nova forgets a deleted server: the 404 is the state we wait for.
      let last = known;
      await waitUntilGone(async () => (last = await load()), { ...wait, onProgress: o.onProgress });
      return new Server(this, { ...(last ?? placeholder(validate(ref(), server, "server"))), raw: last?.raw ?? {}, status: "DELETED" });
    }
    try {
      return await waitUntil(load, (s) => settledStatus(s, want), want, { ...wait, failOn: want.includes("ERROR") ? [] : ["ERROR"] });
    } catch (e) {
      if (e instanceof ResourceFailed) throw new ServerFailed(e.resource as Server, want.join("/"));
      throw e;
    }
  }

  /** Network label → addresses, fresh from Nova (pyrax `servers.ips`), or only `network`'s. */
  ips(server: Ref, network?: string, o?: CallOptions): Promise<Record<string, Address[]>> {
    return api.listServerAddresses(this.client, server, network, o);
  }

  /** The server's metadata. */
  getMetadata(server: Ref, o?: CallOptions): Promise<Record<string, string>> {
    return api.getServerMetadata(this.client, server, o);
  }

  /** Merges `metadata` into the server's (pyrax `set_meta`); returns all of it. */
  setMetadata(server: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<Record<string, string>> {
    return api.setServerMetadata(this.client, server, metadata, o);
  }

  /** Replaces all of the server's metadata with `metadata`. */
  replaceMetadata(server: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<Record<string, string>> {
    return api.replaceServerMetadata(this.client, server, metadata, o);
  }

  /** Sets one metadata key (pyrax `set_meta_item`). */
  setMetadataItem(server: Ref, key: string, value: string, o?: CallOptions): Promise<Record<string, string>> {
    return api.setServerMetadataItem(this.client, server, key, value, o);
  }

  /** Deletes metadata keys (pyrax `delete_meta`). */
  deleteMetadata(server: Ref, keys: string | string[], o?: CallOptions): Promise<void> {
    return api.deleteServerMetadata(this.client, server, keys, o);
  }

  /** Reboots: "SOFT" (default, an OS restart) or "HARD" (power cycle). */
  reboot(server: Ref, type?: "SOFT" | "HARD", o?: CallOptions): Promise<void> {
    return api.rebootServer(this.client, server, type, o);
  }

  /**
   * Rebuilds the server from `image` (`adminPass`, `name`, `meta`, `files`, `diskConfig` as at
   * create); the returned server's `adminPass` is the new root password. It is Nova's partial view
   * (status REBUILD, no `keyName` or task state below microversion 2.75): `waitFor` reloads all of it.
   */
  async rebuild(server: Ref, image: Ref, options?: RebuildServerInput, o?: CallOptions): Promise<Server> {
    registerSecret(options?.adminPass);
    const { server: data, adminPass } = await api.rebuildServer(this.client, server, image, options, o);
    return new Server(this, data, adminPass);
  }

  /** Starts a resize to `flavor`: RESIZE, then VERIFY_RESIZE, where you confirm or revert. */
  resize(server: Ref, flavor: Ref, options?: ResizeServerInput, o?: CallOptions): Promise<void> {
    return api.resizeServer(this.client, server, flavor, options, o);
  }

  /** Keeps the resized server (VERIFY_RESIZE → ACTIVE). */
  confirmResize(server: Ref, o?: CallOptions): Promise<void> {
    return api.confirmServerResize(this.client, server, o);
  }

  /** Goes back to the server before the resize (VERIFY_RESIZE → ACTIVE on the old flavor). */
  revertResize(server: Ref, o?: CallOptions): Promise<void> {
    return api.revertServerResize(this.client, server, o);
  }

  /**
   * Snapshots the server into a new image and returns the image's id (as pyrax does); wait on the
   * image. `server` may also be the server's name, as in pyrax's `cs.servers.create_image("my_server", …)`.
   */
  createImage(server: Ref, name: string, metadata?: Record<string, string>, o?: CallOptions): Promise<string> {
    return api.createServerImage(this.client, server, name, metadata, o);
  }

  /** Sets a new root password. */
  changePassword(server: Ref, password: string, o?: CallOptions): Promise<void> {
    registerSecret(password);
    return api.changeServerPassword(this.client, server, password, o);
  }

  /** Boots the rescue system (status RESCUE); resolves with its root password (a secret). */
  async rescue(server: Ref, options?: RescueServerInput, o?: CallOptions): Promise<Rescue> {
    registerSecret(options?.adminPass);
    const r = await api.rescueServer(this.client, server, options, o);
    registerSecret(r.adminPass);
    return new Rescue(r.adminPass);
  }

  /** Leaves rescue mode. */
  unrescue(server: Ref, o?: CallOptions): Promise<void> {
    return api.unrescueServer(this.client, server, o);
  }

  /** Shuts the server down (status SHUTOFF). */
  stop(server: Ref, o?: CallOptions): Promise<void> {
    return api.stopServer(this.client, server, o);
  }

  /** Starts a SHUTOFF server. */
  start(server: Ref, o?: CallOptions): Promise<void> {
    return api.startServer(this.client, server, o);
  }

  /** The server's console log (its last `length` lines). */
  consoleOutput(server: Ref, length?: number, o?: CallOptions): Promise<string> {
    return api.getServerConsoleOutput(this.client, server, length, o);
  }

  /** Resets a stuck server's state to ACTIVE (default) or ERROR (admin only). */
  resetState(server: Ref, state?: "ACTIVE" | "ERROR" | "active" | "error", o?: CallOptions): Promise<void> {
    return api.resetServerState(this.client, server, state, o);
  }
}

/**
 * Statuses Nova also shows while a task still runs on the server (nova/api/openstack/common.py's state
 * map has no status of their own for most tasks): ACTIVE during createImage (task image_snapshot →
 * image_uploading), rescuing or powering-off; SHUTOFF while powering-on. Statuses such as REBOOT or
 * RESIZE are the task itself and are matched as they are.
 */
const RESTING = new Set(["ACTIVE", "SHUTOFF", "VERIFY_RESIZE", "RESCUE", "PAUSED", "SUSPENDED", "SHELVED", "SHELVED_OFFLOADED", "SOFT_DELETED"]);

/**
 * What `waitFor` compares with the wanted statuses: the status, except that a resting status with a
 * task_state still set reads "ACTIVE (task image_uploading)", so a wait for ACTIVE after createImage
 * ends when Nova is done with the server (the next action would be 409 before that), not at once.
 */
function settledStatus(s: Server, want: readonly string[]): string {
  const status = String(s.status).toUpperCase();
  if (!s.taskState || !RESTING.has(status) || !want.includes(status)) return s.status;
  return `${s.status} (task ${s.taskState})`;
}

function placeholder(id: string): ServerData {
  return { id, name: "", status: "DELETED", flavor: { id: "" }, addresses: {}, networks: {}, metadata: {}, raw: {} };
}

export interface Server extends ServerData {}

/**
 * A server as Nova last described it (a snapshot: call `reload()` to refresh), with pyrax's
 * object verbs. Every verb delegates to `compute.servers`.
 */
export class Server {
  // The class refers to itself (waitFor/currentToken), so the build emits it as `class _Server`: this keeps its
  // name (tests/packaging/export-names).
  static get name(): string {
    return "Server";
  }
  readonly #servers: Servers;
  readonly #adminPass?: string;

  constructor(servers: Servers, data: ServerData, adminPass?: string) {
    this.#servers = servers;
    assignData(this, data);
    if (adminPass) {
      registerSecret(adminPass);
      this.#adminPass = adminPass;
    }
  }

  /**
   * The root password Nova set, only on the server `create()` / `rebuild()` returned (pyrax's
   * `server.adminPass`). Kept out of `console.log`, `JSON.stringify` and rax's logs.
   */
  get adminPass(): string | undefined {
    return this.#adminPass;
  }

  /** Reloads this object in place from Nova and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getServer(this.#servers.client, this, o));
    return this;
  }

  delete(o?: CallOptions): Promise<void> {
    return this.#servers.delete(this, o);
  }
  /**
   * `servers.waitFor(this, …)` that also refreshes this object with the server as last loaded (on
   * success, and on `ServerFailed`), as pyrax's waits do: `server.status` is never left at BUILD.
   */
  waitFor(status: string | string[], o?: WaitForOptions): Promise<this> {
    return waitInPlace(this, () => this.#servers.waitFor(this, status, o));
  }
  /**
   * Renames the server and refreshes this object in place (`server.name` is the new name), as
   * `reload`/`waitFor` do; returns it. `servers.update(id, …)` returns a new `Server` instead.
   */
  async update(changes: UpdateServerInput, o?: CallOptions): Promise<this> {
    const fresh = await api.updateServer(this.#servers.client, this, changes, o);
    // Nova before 2.75 answers a PUT with a partial server (no OS-EXT-STS status, AZ, config drive…):
    // what it leaves out is kept from what this object already held, not dropped.
    assignData(this, toServer({ ...this.raw, ...fresh.raw } as Parameters<typeof toServer>[0]));
    return this;
  }
  ips(network?: string, o?: CallOptions): Promise<Record<string, Address[]>> {
    return this.#servers.ips(this, network, o);
  }
  getMetadata(o?: CallOptions): Promise<Record<string, string>> {
    return this.#servers.getMetadata(this, o);
  }
  setMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<Record<string, string>> {
    return this.#servers.setMetadata(this, metadata, o);
  }
  replaceMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<Record<string, string>> {
    return this.#servers.replaceMetadata(this, metadata, o);
  }
  setMetadataItem(key: string, value: string, o?: CallOptions): Promise<Record<string, string>> {
    return this.#servers.setMetadataItem(this, key, value, o);
  }
  deleteMetadata(keys: string | string[], o?: CallOptions): Promise<void> {
    return this.#servers.deleteMetadata(this, keys, o);
  }
  reboot(type?: "SOFT" | "HARD", o?: CallOptions): Promise<void> {
    return this.#servers.reboot(this, type, o);
  }
  rebuild(image: Ref, options?: RebuildServerInput, o?: CallOptions): Promise<Server> {
    return this.#servers.rebuild(this, image, options, o);
  }
  resize(flavor: Ref, options?: ResizeServerInput, o?: CallOptions): Promise<void> {
    return this.#servers.resize(this, flavor, options, o);
  }
  confirmResize(o?: CallOptions): Promise<void> {
    return this.#servers.confirmResize(this, o);
  }
  revertResize(o?: CallOptions): Promise<void> {
    return this.#servers.revertResize(this, o);
  }
  createImage(name: string, metadata?: Record<string, string>, o?: CallOptions): Promise<string> {
    return this.#servers.createImage(this, name, metadata, o);
  }
  changePassword(password: string, o?: CallOptions): Promise<void> {
    return this.#servers.changePassword(this, password, o);
  }
  rescue(options?: RescueServerInput, o?: CallOptions): Promise<Rescue> {
    return this.#servers.rescue(this, options, o);
  }
  unrescue(o?: CallOptions): Promise<void> {
    return this.#servers.unrescue(this, o);
  }
  resetState(state?: "ACTIVE" | "ERROR" | "active" | "error", o?: CallOptions): Promise<void> {
    return this.#servers.resetState(this, state, o);
  }
  stop(o?: CallOptions): Promise<void> {
    return this.#servers.stop(this, o);
  }
  start(o?: CallOptions): Promise<void> {
    return this.#servers.start(this, o);
  }
  consoleOutput(length?: number, o?: CallOptions): Promise<string> {
    return this.#servers.consoleOutput(this, length, o);
  }
}
