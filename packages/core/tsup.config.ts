import { packageConfig } from "../../tsup.shared";
import { undiciPrebuilt } from "./build/undici-prebuilt";

// undici's two transport files are built in (see build/undici-prebuilt.ts).
export default packageConfig({ noExternal: [/^undici\/lib\//], esbuildPlugins: [undiciPrebuilt()] });
