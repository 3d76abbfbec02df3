import { contextOf, createEmulator, pathPlacement, type Emulator, type EmulatorOptions } from "./emulator";
import type { Placement } from "./endpoints";
import { serveHandlers, type ServedHandlers } from "./server";

export interface StartEmulatorOptions extends Omit<EmulatorOptions, "url" | "internalUrl"> {
  /** Port of the emulator's own URL (identity); 0 (default) picks a free one. Service endpoints always take free ports. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
}

export interface RunningEmulator extends Emulator {
  readonly port: number;
  stop(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * ServiceNet stand-in: the same server under another name, so a client that
 * picks internalURL visibly talks to a different host.
 */
function internalHost(host: string): string {
  if (host === "127.0.0.1") return "localhost";
  if (host === "localhost") return "127.0.0.1";
  return host;
}

/**
 * Starts the emulator on real loopback HTTP servers: identity at the root of `url` (port `port`),
 * and in the default "endpoints" layout one more port per service endpoint (per region), each
 * with the real service's paths, so Swift, Nova or Keystone tools work against it unchanged.
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port, host = "127.0.0.1", ...rest } = options;
  const emulator = createEmulator(rest);
  const ctx = contextOf(emulator);
  const servers: ServedHandlers[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
  const listen = async (p: number) => {
    const served = await serveHandlers(() => emulator.handlers, { port: p, host });
    servers.push(served);
    return served.port;
  };
  try {
    const shown = urlHost(host);
    const origin = (name: string, p: number) => `http://${name}:${p}`;
    const homePort = await listen(port ?? 0);
    ctx.publicUrl = origin(shown, homePort);
    ctx.internalUrl = origin(internalHost(shown), homePort);
    const home = { public: ctx.publicUrl, internal: ctx.internalUrl };
    if (emulator.layout === "paths") {
      ctx.endpoints.place(home, (slot) => pathPlacement(home.public, home.internal, slot));
    } else {
      const placed = new Map<string, Placement>();
      for (const slot of ctx.endpoints.slots()) {
        const p = await listen(0);
        placed.set(`${slot.service.slug}/${slot.region ?? ""}`, { public: origin(shown, p), internal: origin(internalHost(shown), p) });
      }
      ctx.endpoints.place(home, (slot) => placed.get(`${slot.service.slug}/${slot.region ?? ""}`)!);
    }
    return Object.assign(emulator, { port: homePort, stop }) as RunningEmulator;
  } catch (error) {
    await stop();
    throw error;
  }
}
