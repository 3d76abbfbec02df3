import { validate } from "@rax/core";
import { type InputKind, type InputShape, inputSchema } from "./context-schemas";

// What Context checks of its callers' input, as one table per call, without zod at hand: the checks
// run in constructors and other sync calls, and loading zod for them cost every `import` of
// @rax/identity ~90 files and ~100 ms CPU. Input this module can see is valid goes through
// untouched; anything else is parsed by the zod schema built from the same table
// (context-schemas.ts), whose ValidationError the caller gets, so messages stay zod's.

export const CONTEXT_OPTIONS = {
  identityType: ["rackspace", "keystone"],
  environment: "text",
  username: "text",
  userId: "text",
  apiKey: "text",
  password: "text",
  tenantId: "text",
  tenantName: "text",
  authEndpoint: "http-url",
  region: "text",
  authVersion: ["2.0", "2", "3", "v2.0", "v3"],
  userDomain: "text",
  userDomainId: "text",
  projectDomain: "text",
  projectDomainId: "text",
  verifySsl: "boolean",
  useServicenet: "boolean",
  userAgent: "string",
  debug: "debug-level",
  credentialFile: "text",
  refreshAheadMs: "count",
  cloud: "text",
  applicationCredentialId: "text",
  applicationCredentialName: "text",
  applicationCredentialSecret: "text",
  domainId: "text",
  domainName: "text",
  systemScope: "text",
  token: "text",
  interface: ["public", "internal"],
} as const satisfies InputShape;

export const CLIENT_OPTIONS = { region: "text", internal: "boolean", endpoint: "url" } as const satisfies InputShape;

export const CREDENTIALS = { username: "text", userId: "text", apiKey: "text", password: "text" } as const satisfies InputShape;

/** True only for values zod accepts too; false sends the value to zod, which decides. */
function plainlyValid(kind: InputKind, v: unknown): boolean {
  if (typeof kind !== "string") return typeof v === "string" && kind.includes(v);
  switch (kind) {
    case "text":
      return typeof v === "string" && v.trim() !== "";
    case "filled":
      return typeof v === "string" && v !== "";
    case "string":
      return typeof v === "string";
    case "boolean":
      return typeof v === "boolean";
    case "count":
      return Number.isSafeInteger(v) && (v as number) >= 0;
    case "debug-level":
      return typeof v === "boolean" || v === "verbose";
    case "http-url":
    case "url":
      // Only the plain form (scheme, "//", nothing to trim) is decided here; zod decides the rest.
      return typeof v === "string" && /^https?:\/\/\S+$/i.test(v) && URL.canParse(v);
  }
}

function plainlyValidObject(shape: InputShape, o: unknown): boolean {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return false;
  for (const key in shape) {
    const v = (o as Record<string, unknown>)[key];
    if (v !== undefined && !plainlyValid(shape[key] as InputKind, v)) return false;
  }
  return true;
}

/** Throws the ValidationError zod gives for `o` (fields named under `field`), unless `o` is valid. */
export function checkOptions(shape: InputShape, o: unknown, field: string): void {
  if (!plainlyValidObject(shape, o)) validate(inputSchema(shape), o, field);
}

/** The same for one required value. */
export function checkValue(kind: InputKind, v: unknown, field: string): void {
  if (!plainlyValid(kind, v)) validate(inputSchema(kind), v, field);
}
