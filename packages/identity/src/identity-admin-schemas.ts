import * as z from "zod/mini";

// The admin calls' input shapes, in their own module: identity-admin.ts imports it on the first admin
// call, so importing @rax/identity loads no zod (most programs never make an admin call).

export function buildSchemas() {
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
