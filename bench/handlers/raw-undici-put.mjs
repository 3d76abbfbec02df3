// The raw limit for a warm invocation: the same PUT with a token already in hand, one keep-alive
// undici Pool made once per process (what a hand-written handler would do).
import { Pool } from "undici";

let pool;

export async function handler() {
  pool ??= new Pool(process.env.BENCH_URL, { connections: 1 });
  const { statusCode, body } = await pool.request({
    method: "PUT",
    path: "/v1/AUTH_p1/bench/hello.txt",
    headers: { "x-auth-token": "bench-token", "content-type": "text/plain", "content-length": "11" },
    body: "hello world",
  });
  await body.dump();
  if (statusCode !== 201) throw new Error(`PUT answered ${statusCode}`);
}
