import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { afterAll, expect } from "vitest";

/**
 * Everything a reliability test file printed or built that a user could end up pasting into a
 * bug report: debug-log lines, stderr/stdout writes, process warnings and every error thrown.
 * `installLeakScan()` adds an `afterAll` that fails the file if any secret the suite used
 * (passwords, API keys, tokens, temp-URL keys and signatures) appears in any of it.
 */

const hex = (n: number) => randomBytes(n).toString("hex");

/** Long, unmistakable secrets: a hit in the scan cannot be a coincidence. */
export const SECRETS = {
  apiKey: `apikey${hex(12)}`,
  password: `Pw-${hex(12)}`,
  tempUrlKey: `tuk${hex(12)}`,
} as const;

const dynamicSecrets = new Set<string>();
const secretSources: Array<() => Iterable<string>> = [];

/** A secret discovered at run time (a token the emulator issued, a temp-URL signature). */
export function addSecret(value: string | undefined): void {
  if (value && value.length >= 8) dynamicSecrets.add(value);
}
/** Secrets read at scan time (e.g. every token the emulator issued). */
export function addSecretSource(f: () => Iterable<string>): void {
  secretSources.push(f);
}

export const captured = {
  lines: [] as string[],
  writes: [] as string[],
  warnings: [] as string[],
  errors: [] as unknown[],
};

/** The capturing logger to pass as `logger` (Context, Transport). */
export const debugLines = (line: string): void => {
  captured.lines.push(line);
};

/** Record an error for the scan (every error a test provokes should pass through here). */
export function recordError<E>(e: E): E {
  captured.errors.push(e);
  return e;
}

/** Await a promise that must reject; returns (and records) the error. */
export async function rejectionOf(p: Promise<unknown> | (() => unknown)): Promise<Error & Record<string, unknown>> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    return recordError(e) as Error & Record<string, unknown>;
  }
  throw new Error("expected a rejection, but the call succeeded");
}

/** Every rendering of an error a user might log. */
export function renderings(e: unknown): string[] {
  const out: string[] = [];
  const safe = (f: () => unknown) => {
    try {
      out.push(String(f()));
    } catch (err) {
      out.push(`<render failed: ${(err as Error).message}>`);
    }
  };
  safe(() => (e as Error)?.message);
  safe(() => String(e));
  safe(() => JSON.stringify(e));
  safe(() => (e as Error)?.stack);
  safe(() => inspect(e, { depth: 8, showHidden: false }));
  return out;
}

export function allSecrets(): string[] {
  const s = new Set<string>([...Object.values(SECRETS), ...dynamicSecrets]);
  for (const src of secretSources) for (const v of src()) if (v && v.length >= 8) s.add(v);
  return [...s];
}

export interface Leak {
  where: string;
  secret: string;
  excerpt: string;
}

/** Where any secret appears in the captured output and errors. */
export function findLeaks(extra: { where: string; text: string }[] = []): Leak[] {
  const texts: { where: string; text: string }[] = [
    ...captured.lines.map((text, i) => ({ where: `debug line ${i}`, text })),
    ...captured.writes.map((text, i) => ({ where: `stdio write ${i}`, text })),
    ...captured.warnings.map((text, i) => ({ where: `warning ${i}`, text })),
    ...captured.errors.flatMap((e, i) => renderings(e).map((text, j) => ({ where: `error ${i} rendering ${j}`, text }))),
    ...extra,
  ];
  const leaks: Leak[] = [];
  for (const secret of allSecrets()) {
    const forms = new Set([secret, encodeURIComponent(secret)]);
    for (const t of texts) {
      for (const form of forms) {
        const at = t.text.indexOf(form);
        if (at >= 0) leaks.push({ where: t.where, secret: `${secret.slice(0, 4)}…`, excerpt: t.text.slice(Math.max(0, at - 60), at + 20).replace(secret, "<SECRET>") });
      }
    }
  }
  return leaks;
}

let installed = false;

/**
 * Turn on every debug output (CLOUD_DEBUG, so transports built without a logger print to
 * stderr), capture stdio writes and warnings, and fail the file in `afterAll` on any leak.
 * Also asserts that something was captured, so a broken capture cannot pass silently.
 */
export function installLeakScan(): void {
  if (installed) return;
  installed = true;
  process.env.CLOUD_DEBUG = "1";
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...a: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
      captured.writes.push(text);
      // The debug log is captured, not shown: it would drown the test report.
      if (text.startsWith("rax:")) {
        const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
        cb?.();
        return true;
      }
      return original(chunk, ...rest);
    }) as typeof stream.write;
  }
  process.on("warning", (w) => {
    captured.warnings.push(`${w.name}: ${w.message} ${(w as { code?: string }).code ?? ""}\n${w.stack ?? ""}`);
  });
  afterAll(() => {
    expect(captured.lines.length + captured.writes.length + captured.errors.length, "the leak scan captured nothing").toBeGreaterThan(0);
    expect(findLeaks()).toEqual([]);
  });
}
