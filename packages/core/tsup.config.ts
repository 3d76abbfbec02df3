import { packageConfig } from "../../tsup.shared";
import { httpEngineImport } from "./build/http-engine-import";
import { undiciPrebuilt } from "./build/undici-prebuilt";
import { zodLocaleImport } from "./build/zod-locale-import";

// undici's two transport files are built in (see build/undici-prebuilt.ts); the HTTP engine is
// picked when the transport first loads it (build/http-engine-import.ts).
export default packageConfig({ noExternal: [/^undici\/lib\//], esbuildPlugins: [undiciPrebuilt()], plugins: [httpEngineImport(), zodLocaleImport()] });
