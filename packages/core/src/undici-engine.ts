import type { Dispatcher } from "undici";
import type { EngineCall, EngineOptions, HttpEngine, Sendable, StreamedResponse } from "./http-engine";
import { dispatchStreaming, guardSocketEnd, useHeaderNames } from "./streaming-dispatch";
import { DEFAULT_TIMEOUTS } from "./timeouts";
import { holdParserTierUp } from "./wasm-tiering";

// The engine Node uses when it runs @rax/core from node_modules (package.json `#http-engine`,
// conditions `import` / `require`): undici's Agent, ~1.15-1.3x node:http's requests per second on
// loopback. Its two files are built into core's dist (build/undici-prebuilt.ts) and imported here,
// on the first request.

class UndiciEngine implements HttpEngine {
  readonly name = "undici";
  readonly #agent: Dispatcher;

  constructor(agent: Dispatcher) {
    this.#agent = agent;
  }

  send(call: EngineCall, body: Sendable | undefined, signal: AbortSignal | undefined): Promise<StreamedResponse> {
    const { timeouts } = call;
    return dispatchStreaming(
      this.#agent,
      {
        origin: call.origin,
        path: call.path,
        method: call.method as Dispatcher.HttpMethod,
        headers: call.headers,
        body,
        headersTimeout: timeouts.headers ?? DEFAULT_TIMEOUTS.headers,
        bodyTimeout: timeouts.body ?? DEFAULT_TIMEOUTS.body,
        // undici closes the socket after every HEAD unless told not to: Swift is HEAD-heavy.
        // (Always present, so every call's options have one shape; undefined is undici's default.)
        reset: call.method === "HEAD" ? false : undefined,
      },
      signal,
      call,
    );
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}

export async function createEngine(o: EngineOptions): Promise<HttpEngine> {
  // Only the undici files used (see undici-internals.d.ts).
  const [{ default: Agent }, { default: buildConnector }, { default: undiciUtil }, v8] = await Promise.all([
    import("undici/lib/dispatcher/agent.js"),
    import("undici/lib/core/connect.js"),
    // Already part of what the Agent loads: only its header-name lookup is used here.
    import("undici/lib/core/util.js"),
    import("node:v8"),
  ]);
  useHeaderNames(undiciUtil.headerNameToString);
  const connect = buildConnector({ timeout: o.connectTimeout, rejectUnauthorized: o.verifySsl });
  const setFlags = typeof v8.setFlagsFromString === "function" ? v8.setFlagsFromString : undefined;
  const agent = new Agent({
    connections: o.connections,
    connect: (opts, callback) =>
      connect(opts, (err, socket) => {
        if (!socket) return callback(err, socket as never);
        guardSocketEnd(socket);
        // undici compiles its WebAssembly HTTP parser inside this callback (see wasm-tiering.ts).
        holdParserTierUp(setFlags, () => callback(err, socket as never));
      }),
  });
  return new UndiciEngine(agent);
}
