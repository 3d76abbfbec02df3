import { ValidationError } from "./errors";
import { redact } from "./redact";

/** Receives one line of debug output. The transport redacts every line before calling it. */
export type DebugLogger = (line: string) => void;

/**
 * How much the debug log shows: `true` one line per attempt (method, URL, status, time, attempt,
 * request id); `"verbose"` adds the request headers, the response headers and the first 4 KiB of
 * JSON/text bodies the SDK reads anyway (pyrax's http_debug printed requests and responses).
 */
export type DebugLevel = boolean | "verbose";

export interface DebugLoggerOptions {
  /** Default: env `RAX_DEBUG` or `CLOUD_DEBUG` set to anything but "", "0", "false", "no". */
  enabled?: boolean;
  /** Where lines go. Default: stderr. */
  sink?: (line: string) => void;
  /** Environment to read when `enabled` is not given. Default: `process.env`. */
  env?: Record<string, string | undefined>;
}

function levelOf(v: string | undefined): DebugLevel {
  if (v === undefined) return false;
  const s = v.trim().toLowerCase();
  if (s === "verbose") return "verbose";
  return !["", "0", "false", "no", "off"].includes(s);
}

/**
 * The level the environment asks for (`RAX_DEBUG` / `CLOUD_DEBUG`, pyrax's setting): `"verbose"`
 * when either says so, else `true` when either is on, else `false`.
 */
export function debugLevelFromEnv(env: Record<string, string | undefined> = process.env): DebugLevel {
  const a = levelOf(env.RAX_DEBUG);
  const b = levelOf(env.CLOUD_DEBUG);
  return a === "verbose" || b === "verbose" ? "verbose" : a || b;
}

/** Whether the environment asks for debug output (`RAX_DEBUG` / `CLOUD_DEBUG`, pyrax's setting). */
export function debugFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  return debugLevelFromEnv(env) !== false;
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

/** A debug level given in code (`true`, `false` or `"verbose"`), or a ValidationError naming `field`. */
export function checkDebugLevel(value: unknown, field: string): DebugLevel {
  if (typeof value === "boolean" || value === "verbose") return value;
  throw new ValidationError(field, 'must be true, false or "verbose"');
}

/** A logger given in code (a function of one line), or a ValidationError naming `field`. */
export function checkDebugLogger(value: unknown, field: string): DebugLogger {
  if (typeof value === "function") return value as DebugLogger;
  throw new ValidationError(field, "must be a function that takes one line");
}

let stderrLogger: DebugLogger | undefined;

/**
 * The stderr logger for debug turned on where no logger was given (a client's `httpLogDebug` on a
 * transport that logs nothing): one per process, made on first use.
 */
export function stderrDebugLogger(): DebugLogger {
  stderrLogger ??= createDebugLogger({ enabled: true });
  return stderrLogger;
}
