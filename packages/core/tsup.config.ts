import { packageConfig } from "../../tsup.shared";
import { httpEngineImport } from "./build/http-engine-import";
import { undiciPrebuilt } from "./build/undici-prebuilt";

// undici's two transport files are built in (see build/undici-prebuilt.ts); the HTTP engine is
// picked when the transport first loads it (build/http-engine-import.ts).
// zod is built in too, once for the whole package: src/zod-mini.ts (`@rax/core/zod-mini`, which every
// service package's build imports in place of "zod/mini") and parse-schema.ts's English messages
// share its chunks, so one copy of zod's runtime runs and Node never loads zod's package index (every
// locale and the JSON-schema code). Declarations still import zod's types from the package.
export default packageConfig({
  entry: ["src/*.ts", "!src/*.d.ts"],
  dts: { entry: ["src/index.ts", "src/zod-mini.ts"] },
  noExternal: [/^undici\/lib\//, /^zod(?:\/|$)/],
  esbuildPlugins: [undiciPrebuilt()],
  plugins: [httpEngineImport()],
});
