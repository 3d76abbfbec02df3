import { createHash } from "node:crypto";
import { connect } from "node:net";

/**
 * Drop Swift's cached validation of `token` (keystonemiddleware's auth_token caches it in memcached
 * under `tokens/<sha256(token)>` for token_cache_time, 300 s by default). Without this a token
 * Keystone has revoked keeps working at Swift for up to five minutes.
 */
export async function evictCachedToken(memcached: string, token: string): Promise<"DELETED" | "NOT_FOUND"> {
  const [host, port] = memcached.split(":");
  const key = `tokens/${createHash("sha256").update(token).digest("hex")}`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: host!, port: Number(port) });
    let reply = "";
    socket.setTimeout(5000, () => socket.destroy(new Error("memcached did not answer")));
    socket.on("connect", () => socket.write(`delete ${key}\r\n`));
    socket.on("data", (d) => {
      reply += d.toString("latin1");
      if (!reply.endsWith("\r\n")) return;
      socket.end();
      const line = reply.trim();
      if (line === "DELETED" || line === "NOT_FOUND") resolve(line);
      else reject(new Error(`memcached answered ${line.slice(0, 40)}`));
    });
    socket.on("error", reject);
  });
}
