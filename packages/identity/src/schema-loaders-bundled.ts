import { boolean, enum as zodEnum, gte, int, literal, looseObject, minLength, optional, string, trim, union, url } from "zod/mini";
import type { InputZod } from "./config-parsers";
import { buildAdminSchemas, buildV2Access, buildV3Token } from "./identity-schemas";

// A bundle's schema loaders (see config-parsers-bundled.ts): static imports, which a bundler keeps
// only where they are used. A dynamic import would make esbuild wrap those modules and zod under them
// in lazy initialisers (+2 KB minified); zod's functions are named one by one, because handing out
// its namespace would keep all of zod/mini.

export function zodForInputs(): InputZod {
  return { boolean, enum: zodEnum, gte, int, literal, looseObject, minLength, optional, string, trim, union, url };
}

// An object of the functions, not the module's namespace (which a bundler writes out with a helper).
export function loadIdentitySchemas(): Promise<{ buildAdminSchemas: typeof buildAdminSchemas; buildV2Access: typeof buildV2Access; buildV3Token: typeof buildV3Token }> {
  return Promise.resolve({ buildAdminSchemas, buildV2Access, buildV3Token });
}
