import { contextOf, createEmulator, type Emulator, type EmulatorOptions } from "./emulator";
import { serveHandlers } from "./server";

export interface StartEmulatorOptions extends Omit<EmulatorOptions, "url" | "internalUrl"> {
  /** 0 (default) picks a free port. */
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

/** Starts the emulator on a real loopback HTTP server. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port, host = "127.0.0.1", ...rest } = options;
  const emulator = createEmulator(rest);
  const ctx = contextOf(emulator);
  const served = await serveHandlers(() => emulator.handlers, { port: port ?? 0, host });
  const shown = urlHost(host);
  ctx.publicUrl = `http://${shown}:${served.port}`;
  ctx.internalUrl = `http://${internalHost(shown)}:${served.port}`;
  return Object.assign(emulator, { port: served.port, stop: () => served.close() }) as RunningEmulator;
}
