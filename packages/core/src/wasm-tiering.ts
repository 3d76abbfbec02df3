// undici parses HTTP/1.1 with llhttp compiled to WebAssembly, once per process, inside the callback
// of the first connection. V8 then tiers llhttp's 33 KB state-machine function up to TurboFan on a
// background thread within the first requests: 0.5–2.5 s of CPU, and Node waits for that job before
// a process may exit. A CLI or a serverless function that had finished its work took seconds longer
// to exit than one using the AWS SDK. Run by Liftoff alone, parsing a response costs ~0.6 µs more
// (about 1 % of a small call's client CPU): the compile pays for itself only after millions of
// responses. So tier-up is held off from the first connection until the process has received
// `TIERUP_AFTER` responses (a long-lived process then gets TurboFan code, in the background).
// V8's tiering flags are process-wide and read at run time, not per module: until then, other
// WebAssembly in the process also runs on Liftoff. `RAX_LLHTTP_TIERUP=0` keeps V8's defaults.

type SetFlags = (flags: string) => void;

/** Responses after which V8's tiering resumes; env `RAX_LLHTTP_TIERUP` (0 = never held off). */
export const TIERUP_ENV = "RAX_LLHTTP_TIERUP";
const TIERUP_AFTER = 10_000;

// `--liftoff-only` also turns these two off by implication, and clearing it does not turn them back on.
const HOLD = "--liftoff-only";
const RESUME = "--no-liftoff-only --wasm-dynamic-tiering --wasm-tier-up";

let pending = true;
let setFlagsLater: SetFlags | undefined;
let left = 0;

function responsesBeforeTierUp(): number {
  // A process started with its own Liftoff/tiering flags keeps them (they cannot come from NODE_OPTIONS).
  if (process.execArgv.some((a) => a.includes("liftoff") || a.includes("wasm-tier") || a.includes("wasm-dynamic-tiering"))) return 0;
  const given = process.env[TIERUP_ENV];
  if (given === undefined || given.trim() === "") return TIERUP_AFTER;
  const n = Number(given);
  return Number.isInteger(n) && n >= 0 ? n : TIERUP_AFTER;
}

// Runtimes that only imitate node:v8 may throw; the connection must go on regardless.
function trySetFlags(setFlags: SetFlags, flags: string): boolean {
  try {
    setFlags(flags);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `connected` (undici's connect callback, which compiles llhttp on the first connection of the
 * process) with WebAssembly tier-up held off. Only the first successful connection does anything.
 */
export function holdParserTierUp(setFlags: SetFlags | undefined, connected: () => void): void {
  if (pending) {
    pending = false;
    const n = setFlags ? responsesBeforeTierUp() : 0;
    if (n > 0 && setFlags && trySetFlags(setFlags, HOLD)) {
      setFlagsLater = setFlags;
      left = n;
    }
  }
  connected();
}

/** One response parsed; the last one held off lets V8 tier up again. */
export function parserUsed(): void {
  if (left > 0 && --left === 0 && setFlagsLater) trySetFlags(setFlagsLater, RESUME);
}
