// undici 7 has no `exports` map, so its files can be imported one by one: @rax/core loads only
// the Agent and the connector instead of the whole package (with fetch, WebSocket, cache, mocks…),
// which more than halves what a bundler pulls in (util.js comes with the Agent anyway). Typed from undici's own declarations.
// These paths are undici internals: package.json pins undici to ~7.30.2 because of them.

declare module "undici/lib/dispatcher/agent.js" {
  import type { Agent } from "undici";
  const AgentClass: typeof Agent;
  export default AgentClass;
}

declare module "undici/lib/core/connect.js" {
  import type { buildConnector } from "undici";
  const build: typeof buildConnector;
  export default build;
}

declare module "undici/lib/core/util.js" {
  /** A header name (a Buffer off the socket, or a string) as a lower-case string; common names come interned. */
  const util: { headerNameToString(value: Buffer | string): string };
  export default util;
}
