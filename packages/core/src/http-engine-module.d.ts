// `#http-engine` is core's package.json subpath import (undici-engine or node-http-engine, picked
// by conditions). Typed loosely here: the transport casts it to http-engine.ts's EngineModule.
declare module "#http-engine" {
  export function createEngine(o: unknown): Promise<unknown>;
}
