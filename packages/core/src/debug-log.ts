import { redact } from "./redact";

/** Receives one line of debug output. The transport redacts every line before calling it. */
export type DebugLogger = (line: string) => void;

export interface DebugLoggerOptions {
  /** Default: env `RAX_DEBUG` or `CLOUD_DEBUG` set to anything but "", "0", "false", "no". */
  enabled?: boolean;
  /** Where lines go. Default: stderr. */
  sink?: (line: string) => void;
  /** Environment to read when `enabled` is not given. Default: `process.env`. */
  env?: Record<string, string | undefined>;
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && !["", "0", "false", "no", "off"].includes(v.trim().toLowerCase());
}

/** Whether the environment asks for debug output (`RAX_DEBUG` / `CLOUD_DEBUG`, pyrax's setting). */
export function debugFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  return truthy(env.RAX_DEBUG) || truthy(env.CLOUD_DEBUG);
}

/**
 * A logger that redacts each line (tokens, passwords, API keys, temp-URL keys and signatures,
 * registered secrets) and writes it to `sink`; a no-op when disabled.
 */
export function createDebugLogger(o: DebugLoggerOptions = {}): DebugLogger & { readonly enabled: boolean } {
  const enabled = o.enabled ?? debugFromEnv(o.env);
  const sink = o.sink ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log = (line: string) => {
    if (enabled) sink(redact(line));
  };
  return Object.assign(log, { enabled });
}
