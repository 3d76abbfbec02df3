// undici 7 has no `exports` map, so its files can be imported one by one: @rax/core loads only
// the Agent and the connector instead of the whole package (with fetch, WebSocket, cache, mocks…),
// which more than halves what a bundler pulls in. Typed from undici's own declarations.
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
