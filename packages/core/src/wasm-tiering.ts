// undici parses HTTP/1.1 with llhttp compiled to WebAssembly, once per process, inside the callback
// of the first connection. V8 then tiers llhttp's 33 KB state-machine function up to TurboFan on a
// background thread within the first requests: 0.5–2.5 s of CPU, and Node waits for that job before
// a process may exit. A CLI or a serverless function that had finished its work took seconds longer
// to exit than one using the AWS SDK. So the parser is instantiated with V8's largest tiering budget:
// a short process never tiers it up; a long-lived one does after some hundreds of responses, and
// from then on parses with TurboFan code (Liftoff's costs a few µs more per response).
//
// The budget, not `--liftoff-only`: code compiled under `--liftoff-only` carries no tier-up checks,
// so the state machine stayed on Liftoff for the life of the process whatever was set later (seen
// with --trace-wasm-compilation-times; issue #15's small-calls profiles showed 3.5–7 µs of llhttp
// per response against raw undici's 0.9–1.8). The budget is read when a module is instantiated:
// after `TIERUP_AFTER` responses V8's default is put back for WebAssembly the process compiles later.
// `RAX_LLHTTP_TIERUP=0` keeps V8's defaults throughout.

type SetFlags = (flags: string) => void;

/** Responses after which V8's tiering resumes; env `RAX_LLHTTP_TIERUP` (0 = never held off). */
export const TIERUP_ENV = "RAX_LLHTTP_TIERUP";
const TIERUP_AFTER = 10_000;

// V8's flag is an int: its largest value. V8 11's default budget is 1 800 000.
const HOLD = "--wasm-tiering-budget=2147483647";
const RESUME = "--wasm-tiering-budget=1800000";

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
