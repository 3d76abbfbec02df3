// A TCP proxy in front of the real Swift that holds every chunk `delayMs` in each direction before
// passing it on: a network round trip of 2 × delayMs on loopback, bandwidth unlimited. The
// folder-upload-rtt row runs both clients through it to show what a real network (a user's machine
// or CI runner talking to a cloud region) does to a folder upload, where round trips, not a
// shared 2-core machine's server CPU, set the pace. Order within a connection is kept: each chunk
// leaves `delayMs` after it arrived, in arrival order.
import net from "node:net";

let target;
let delayMs = 0;

function forward(from, to) {
  const queue = [];
  let timer = null;
  const flush = () => {
    timer = null;
    const now = performance.now();
    while (queue.length && queue[0].at <= now) {
      const q = queue.shift();
      if (q.end) to.end();
      else to.write(q.chunk);
    }
    if (queue.length) timer = setTimeout(flush, queue[0].at - now);
  };
  const push = (item) => {
    queue.push({ at: performance.now() + delayMs, ...item });
    if (!timer) timer = setTimeout(flush, delayMs);
  };
  from.on("data", (chunk) => push({ chunk }));
  from.on("end", () => push({ end: true }));
}

// Half-open on both sides: a FIN is passed on after the delay like any byte (the queued `end`),
// not applied at once, which would cut off the replies still in flight.
const server = net.createServer({ noDelay: true, allowHalfOpen: true }, (client) => {
  const upstream = net.connect({ host: target.hostname, port: Number(target.port), noDelay: true, allowHalfOpen: true });
  forward(client, upstream);
  forward(upstream, client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on("error", close);
  upstream.on("error", close);
});

process.once("message", (m) => {
  target = new URL(m.input.target);
  delayMs = m.input.delayMs;
  server.listen(0, "127.0.0.1", () => process.send({ type: "listening", url: `http://127.0.0.1:${server.address().port}` }));
});
process.on("SIGTERM", () => process.exit(0));
process.on("disconnect", () => process.exit(0));
