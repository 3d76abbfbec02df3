import { ValidationError } from "@rax/core";

export const IDENTITY_TYPES = ["rackspace", "keystone"] as const;
export type IdentityType = (typeof IDENTITY_TYPES)[number];

/** Check an identity_type value (setting, env var or option) and name `field` when it is wrong. */
export function parseIdentityType(value: unknown, field: string): IdentityType {
  if (value === undefined || value === null || value === "") {
    throw new ValidationError(
      field,
      'no identity type: pass identityType "rackspace" or "keystone", set identity_type in ~/.rax.cfg, or export CLOUD_ID_TYPE',
    );
  }
  const v = String(value).trim().toLowerCase();
  if ((IDENTITY_TYPES as readonly string[]).includes(v)) return v as IdentityType;
  // pyrax spelled them as module paths.
  if (v === "rax_identity.raxidentity" || v === "pyrax.identity.rax_identity.raxidentity") return "rackspace";
  if (v === "keystone_identity.keystoneidentity" || v === "pyrax.identity.keystone_identity.keystoneidentity") return "keystone";
  // pyrax loads any other "module_name.ClassName"; rax loads no code named by a setting. A
  // service client takes any AuthSession instead: say so rather than only "unknown".
  const custom = /^[\w.]+\.[\w]+$/.test(v)
    ? ": custom identity classes (pyrax's module_name.ClassName) are not loaded from settings; implement @rax/core's AuthSession (or extend BaseIdentity) and pass it to a service client: new ObjectStore(session, { region })"
    : "";
  throw new ValidationError(field, `unknown identity type "${String(value)}"; expected "rackspace" or "keystone"${custom}`);
}
