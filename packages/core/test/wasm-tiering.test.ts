// undici compiles its WebAssembly HTTP parser on the first connection; V8 then spent 0.5–2.5 s of
// CPU tiering it up to TurboFan, and Node made the finished process wait for that before exiting.
// V8's own trace says which compiler ran (no clock involved): a process making a few requests
// compiles nothing with TurboFan; a long-lived one tiers the parser up; past RAX_LLHTTP_TIERUP
// responses, V8's default budget is back for WebAssembly compiled later.
import { build } from "esbuild";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineFromSource } from "./engine-source";
import { startServer, type TestServer } from "./helpers";

const run = promisify(execFile);
const coreSrc = fileURLToPath(new URL("../src/index.ts", import.meta.url));
const llhttpWasm = createRequire(coreSrc).resolve("undici/lib/llhttp/llhttp-wasm.js");

let server: TestServer;
let dir: string;
let bundle: string;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('[{"name":"a"}]'));
  dir = await mkdtemp(join(tmpdir(), "rax-wasm-tiering-"));
  const entry = join(dir, "entry.mjs");
  bundle = join(dir, "bundle.cjs");
  await writeFile(
    entry,
    `import { Transport } from ${JSON.stringify(coreSrc)};
     (async () => {
     const t = new Transport({ retry: { maxAttempts: 1 } });
     const requests = process.argv[2] === "long-lived" ? 3000 : 5;
     for (let i = 0; i < requests; i++) {
       const res = await t.request({ method: "GET", url: ${JSON.stringify(`${server.url}/x`)} });
       await res.json();
     }
     await t.close();
     if (process.argv[2] === "own-wasm") {
       // The process's own WebAssembly, compiled after rax's: V8's defaults must apply to it again.
       const mod = new WebAssembly.Module(require(${JSON.stringify(llhttpWasm)}));
       const ll = new WebAssembly.Instance(mod, { env: new Proxy({}, { get: () => () => 0 }) }).exports;
       const parser = ll.llhttp_alloc(2);
       const msg = Buffer.from("HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\nX-Trans-Id: tx1\\r\\n\\r\\n[]");
       const at = ll.malloc(msg.length);
       for (let i = 0; i < 20000; i++) {
         new Uint8Array(ll.memory.buffer, at, msg.length).set(msg);
         ll.llhttp_execute(parser, at, msg.length);
       }
     }
     console.log("done");
     })();`,
  );
  await build({ plugins: [engineFromSource()], entryPoints: [entry], outfile: bundle, bundle: true, format: "cjs", platform: "node", logLevel: "silent" });
}, 60_000);
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function compilers(arg: string, env: Record<string, string> = {}): Promise<{ liftoff: number; turbofan: number; stateMachine: boolean }> {
  const { stdout } = await run(process.execPath, ["--trace-wasm-compilation-times", bundle, arg], {
    env: { ...process.env, RAX_LLHTTP_TIERUP: "", ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  expect(stdout).toContain("done");
  return {
    liftoff: stdout.match(/ using Liftoff/g)?.length ?? 0,
    turbofan: stdout.match(/ using TurboFan/g)?.length ?? 0,
    // llhttp's parser proper: the one big function (its body is ~33 KB; the others are tiny).
    stateMachine: (stdout.match(/ using TurboFan.* bodysize (\d+)/g) ?? []).some((l) => Number(/bodysize (\d+)/.exec(l)?.[1]) > 16_000),
  };
}

describe("undici's WebAssembly parser", () => {
  it("is not tiered up within a short process, so a finished process exits at once", async () => {
    const c = await compilers("rax-only");
    expect(c.liftoff).toBeGreaterThan(0);
    expect(c.turbofan).toBe(0);
  }, 60_000);

  it("tiers up as V8 does by default with RAX_LLHTTP_TIERUP=0", async () => {
    const c = await compilers("rax-only", { RAX_LLHTTP_TIERUP: "0" });
    expect(c.turbofan).toBeGreaterThan(0);
  }, 60_000);

  it("tiers the parser itself up in a long-lived process (after some hundreds of responses)", async () => {
    // Held off with --liftoff-only, the state machine compiled during the hold kept Liftoff code for
    // the life of the process: V8 compiles no tier-up checks into it.
    expect((await compilers("rax-only")).stateMachine).toBe(false);
    expect((await compilers("long-lived")).stateMachine).toBe(true);
  }, 60_000);

  it("gives V8 its default tiering back after RAX_LLHTTP_TIERUP responses", async () => {
    // After 3 of the 5 responses, WebAssembly the process compiles later tiers up as by default.
    expect((await compilers("own-wasm", { RAX_LLHTTP_TIERUP: "3" })).turbofan).toBeGreaterThan(0);
  }, 60_000);
});
