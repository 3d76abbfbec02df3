import { type AddressInfo, type Server, type Socket, createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, Transport } from "../src/index";

// Raw sockets: the framing (Content-Length, chunked, close-delimited) and the FIN right after the
// body are what matter, and node:http would pick them for us.

const BODY = Buffer.alloc(1024 * 1024);
for (let i = 0; i < BODY.length; i++) BODY[i] = (i * 31 + (i >> 9)) & 0xff;

let server: Server | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
  transport = undefined;
});

async function listen(onRequest: (s: Socket) => void): Promise<string> {
  server = createServer((s) => {
    s.on("error", () => undefined);
    s.once("data", () => onRequest(s));
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/o`;
}

type Framing = "content-length" | "chunked" | "close-delimited" | "short";

function answerAndClose(framing: Framing) {
  return (s: Socket) => {
    if (framing === "chunked") {
      s.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
      s.write(`${BODY.length.toString(16)}\r\n`);
      s.write(BODY);
      s.write("\r\n0\r\n\r\n");
    } else if (framing === "close-delimited") {
      s.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
      s.write(BODY);
    } else {
      s.write(`HTTP/1.1 200 OK\r\nContent-Length: ${BODY.length}\r\nConnection: close\r\n\r\n`);
      s.write(framing === "short" ? BODY.subarray(0, BODY.length / 2) : BODY);
    }
    s.end();
  };
}

async function slowRead(body: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) {
    chunks.push(c as Buffer);
    await new Promise((r) => setTimeout(r, 1));
  }
  return Buffer.concat(chunks);
}

async function withUncaughtCheck(run: () => Promise<void>): Promise<unknown[]> {
  const uncaught: unknown[] = [];
  const on = (e: unknown) => uncaught.push(e);
  process.on("uncaughtException", on);
  try {
    await run();
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.off("uncaughtException", on);
  }
  return uncaught;
}

describe("Connection: close with a reader slower than the network (undici 7 parser-pause crash)", () => {
  for (const framing of ["content-length", "chunked", "close-delimited"] as const) {
    it(`${framing}: every body arrives whole and nothing is thrown outside the call`, async () => {
      const url = await listen(answerAndClose(framing));
      transport = new Transport({ retry: { maxAttempts: 1 } });
      const uncaught = await withUncaughtCheck(async () => {
        for (let i = 0; i < 15; i++) {
          const res = await transport!.request({ method: "GET", url });
          expect((await slowRead(res.body)).equals(BODY)).toBe(true);
        }
      });
      expect(uncaught.map(String)).toEqual([]);
    });
  }

  it("a body cut short before the FIN rejects the read with ConnectionError, not a crash", async () => {
    const url = await listen(answerAndClose("short"));
    transport = new Transport({ retry: { maxAttempts: 1 } });
    const uncaught = await withUncaughtCheck(async () => {
      for (let i = 0; i < 10; i++) {
        const res = await transport!.request({ method: "GET", url });
        await expect(slowRead(res.body)).rejects.toBeInstanceOf(ConnectionError);
      }
    });
    expect(uncaught.map(String)).toEqual([]);
  });
});

describe("download backpressure", () => {
  it("a reader that stops reading stops the transfer (the body is not buffered whole)", async () => {
    let sent = 0;
    const total = 256 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 1);
    const url = await listen((s) => {
      s.write(`HTTP/1.1 200 OK\r\nContent-Length: ${total}\r\n\r\n`);
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!s.write(chunk)) return void s.once("drain", pump);
        }
      };
      pump();
    });
    transport = new Transport({ retry: { maxAttempts: 1 } });
    const res = await transport.request({ method: "GET", url });
    const it = res.body[Symbol.asyncIterator]();
    await it.next();
    await new Promise((r) => setTimeout(r, 300));
    // Kernel and stream buffers hold a few MiB at most; without backpressure all 256 MiB would flow.
    expect(sent).toBeLessThan(32 * 1024 * 1024);
    res.body.destroy();
  });
});
