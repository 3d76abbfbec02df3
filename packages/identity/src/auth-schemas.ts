import * as z from "zod/mini";

// The shapes of a token response, in their own module: auth-result.ts imports it on the first token
// response, so importing @rax/identity loads no zod (~90 files, ~100 ms CPU in a plain-Node script),
// and a session with a stored token never loads it.

export const buildV2Access = () =>
  z.looseObject({
  access: z.looseObject({
    token: z.looseObject({
      id: z.string().check(z.minLength(1)),
      expires: z.optional(z.string()),
      tenant: z.optional(z.looseObject({ id: z.optional(z.string()), name: z.optional(z.string()) })),
    }),
    serviceCatalog: z.optional(z.array(z.unknown())),
    user: z.optional(z
      .looseObject({
        id: z.optional(z.union([z.string(), z.number()])),
        name: z.optional(z.string()),
        roles: z.optional(z.array(z.looseObject({ name: z.string() }))),
      })),
  }),
});

export const buildV3Token = () =>
  z.looseObject({
  token: z.looseObject({
    expires_at: z.optional(z.string()),
    project: z.optional(z.looseObject({ id: z.optional(z.string()), name: z.optional(z.string()) })),
    user: z.optional(z
      .looseObject({
        id: z.optional(z.string()),
        name: z.optional(z.string()),
        domain: z.optional(z.looseObject({ id: z.optional(z.string()), name: z.optional(z.string()) })),
      })),
    roles: z.optional(z.array(z.looseObject({ name: z.string() }))),
    catalog: z.optional(z.array(z.unknown())),
  }),
});
