import * as z from "zod/mini";

// The identity API's shapes, in their own module: token responses and admin call inputs. It is loaded
// (config-parsers.ts) when the first token request goes out or on the first admin call, so importing
// @rax/identity loads no zod (~90 files, ~100 ms CPU in a plain-Node script), and a session with a
// stored token never loads it.

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

// Admin calls: most programs never make one.
export function buildAdminSchemas() {
  const id = z.string().check(z.trim(), z.minLength(1, "must be a non-empty string"));
  return {
    id,
    tenantInput: z.object({ name: id, description: z.optional(z.string()), enabled: z._default(z.boolean(), true) }),
    tenantUpdate: z.object({ name: z.optional(id), description: z.optional(z.string()), enabled: z.optional(z.boolean()) }),
    userInput: z.object({
      name: id,
      email: z.optional(z.email()),
      password: z.optional(z.string().check(z.minLength(1))),
      enabled: z._default(z.boolean(), true),
    }),
    userUpdate: z.object({
      name: z.optional(id),
      email: z.optional(z.email()),
      enabled: z.optional(z.boolean()),
      defaultRegion: z.optional(id),
    }),
    userLookup: z.union([z.object({ id }), z.object({ name: id }), z.object({ email: z.email() })]),
    roleQuery: z.object({ serviceId: z.optional(id), limit: z.optional(z.int().check(z.positive())), marker: z.optional(id) }),
  };
}
