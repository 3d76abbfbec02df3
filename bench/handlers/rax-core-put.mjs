// The serverless handler's PUT without the service layer: @rax/core's Transport alone (made once
// per process, token in hand), the same request as raw-undici-put.mjs, read with `res.dump()`.
// Beside rax-serverless.mjs it splits rax's per-call cost into core + engine and the
// identity/object-store work above it (warm-invocation's `extra.cpuSplit`).
import { Transport } from "@rax/core";

let transport;

export async function handler() {
  transport ??= new Transport();
  const res = await transport.request({
    method: "PUT",
    url: `${process.env.BENCH_URL}/v1/AUTH_p1/bench/hello.txt`,
    headers: { "x-auth-token": "bench-token", "content-type": "text/plain" },
    body: "hello world",
  });
  await res.dump();
  if (res.status !== 201) throw new Error(`PUT answered ${res.status}`);
}
