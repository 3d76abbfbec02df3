import type { EmulatorUserInput } from "../src/index";

/**
 * The two users of the held-out contracts and of scripts/openstack's real stack: admin (admin role in
 * project admin) and demo (member of project demo), password "secret".
 */
export const ADMIN_AND_DEMO: EmulatorUserInput[] = [
  { username: "admin", password: "secret", project: "admin", roles: ["admin"] },
  { username: "demo", password: "secret", project: "demo", roles: ["member"] },
];

export type Who = "admin" | "demo";

export interface CatalogEntry {
  type: string;
  name: string;
  endpoints: Array<{ interface: string; region: string; url: string }>;
}

export interface V3Login {
  token: string;
  /** The scoped project's id. */
  project: string;
  catalog: CatalogEntry[];
  /** The public URL of the catalog's first service of `type` (throws when there is none). */
  publicUrl(type: string): string;
}

/** A Keystone v3 password login scoped to the project named as the user, as the contracts log in; throws unless 201. */
export async function v3Login(keystoneUrl: string, name: string, password = "secret"): Promise<V3Login> {
  const res = await fetch(`${keystoneUrl}/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ auth: { identity: { methods: ["password"], password: { user: { name, domain: { id: "default" }, password } } }, scope: { project: { name, domain: { id: "default" } } } } }),
  });
  if (res.status !== 201) throw new Error(`Keystone v3 answered ${res.status} to ${name}'s login`);
  const body = (await res.json()) as { token: { project: { id: string }; catalog: CatalogEntry[] } };
  const catalog = body.token.catalog;
  return {
    token: res.headers.get("x-subject-token")!,
    project: body.token.project.id,
    catalog,
    publicUrl(type) {
      const url = catalog.find((s) => s.type === type)?.endpoints.find((e) => e.interface === "public")?.url;
      if (!url) throw new Error(`no public ${type} endpoint in ${name}'s catalog`);
      return url;
    },
  };
}
