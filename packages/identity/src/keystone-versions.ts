import { BadRequest, type HttpError, NotFound, Redirected, type Transport, httpErrorInit } from "@rax/core";
import { KeystoneVersionNotServed } from "./identity-errors";

interface VersionEntry {
  id?: unknown;
  status?: unknown;
  links?: { rel?: unknown; href?: unknown }[];
  "media-types"?: { type?: unknown }[];
}

/**
 * Keystone labels every version with an identity media type
 * (`application/vnd.openstack.identity-v3+json`); Neutron, Glance, Cinder… list versions too,
 * with none, so only this says the root is a Keystone's.
 */
function isIdentityDocument(body: unknown): boolean {
  if (body === null || typeof body !== "object") return false;
  const b = body as { versions?: unknown; version?: unknown };
  const list: unknown = Array.isArray(b.versions) ? b.versions : (b.versions as { values?: unknown } | undefined)?.values ?? (b.version ? [b.version] : []);
  if (!Array.isArray(list)) return false;
  return (list as VersionEntry[]).some((v) =>
    Array.isArray(v?.["media-types"]) && v["media-types"].some((m) => typeof m?.type === "string" && /identity/i.test(m.type)),
  );
}

/** The versions of Keystone's root document: `{versions: {values: [...]}}` (also `{versions: [...]}`, `{version: {...}}`). */
function versionsIn(body: unknown): { id: string; href?: string }[] {
  if (body === null || typeof body !== "object") return [];
  const b = body as { versions?: unknown; version?: unknown };
  const list: unknown = Array.isArray(b.versions)
    ? b.versions
    : b.versions && typeof b.versions === "object"
      ? (b.versions as { values?: unknown }).values
      : b.version
        ? [b.version]
        : undefined;
  if (!Array.isArray(list)) return [];
  return (list as VersionEntry[]).flatMap((v) => {
    if (typeof v?.id !== "string") return [];
    const self = v.links?.find((l) => l?.rel === "self");
    return [{ id: v.id, ...(typeof self?.href === "string" ? { href: self.href } : {}) }];
  });
}

/** Keystone writes its errors as `{"error": {"code", "message", "title"}}`: an answer in another shape came from something else. */
export function isKeystoneErrorBody(body: unknown): boolean {
  return body !== null && typeof body === "object" && "error" in body;
}

/**
 * A 300 (a version list: Glance, Nova) or a 400 not in Keystone's shape (Swift) from the token
 * path: the URL is another service's. Same class, with a message that says so instead of the
 * server's "Redirect (300) not followed" / "Bad Request".
 */
export function notAKeystone(e: HttpError, tokensUrl: string): HttpError | undefined {
  if (!(e instanceof Redirected) && !(e instanceof BadRequest && !isKeystoneErrorBody(e.body))) return undefined;
  const message =
    `${tokensUrl} is not a Keystone token path: it answered ${e.status} (${e.serverMessage}), not Keystone's JSON; ` +
    "check authEndpoint (Keystone's public URL, usually port 5000, ending in /v3)";
  const init = httpErrorInit(e, message);
  return e instanceof Redirected ? new Redirected({ ...init, ...(e.location !== undefined ? { location: e.location } : {}) }) : new BadRequest(init);
}

/** The authEndpoint without its version segment: where Keystone answers with the versions it serves. */
export function keystoneRoot(authEndpoint: string): string {
  const u = new URL(authEndpoint);
  u.pathname = u.pathname.replace(/\/+$/, "").replace(/\/v(2(\.0)?|3(\.\d+)?)$/i, "") || "/";
  u.search = "";
  return u.toString();
}

/**
 * A 404 on the token path: if the server's root document lists versions and the one asked for is
 * not among them, a `KeystoneVersionNotServed` saying what to use instead. A 404 that Keystone
 * itself wrote (a JSON `{error}` body: the route exists) is left as it is, and so is one where
 * the asked version is served (the 404 means something else). When the root cannot be read the
 * hint still names the likely cause, as a route 404 on a token path rarely means anything else.
 */
export async function explainTokens404(
  e: NotFound,
  o: { transport: Transport; authEndpoint: string; version: "2.0" | "3"; signal?: AbortSignal },
): Promise<NotFound> {
  if (isKeystoneErrorBody(e.body)) return e;
  const asked = o.version === "3" ? "v3" : "v2.0";
  const other = o.version === "3" ? "v2.0" : "v3";
  let offered: { id: string; href?: string }[] = [];
  let identity = false;
  try {
    // Keystone answers its root with 300 Multiple Choices and the version list.
    const res = await o.transport.request({
      method: "GET",
      url: keystoneRoot(o.authEndpoint),
      headers: { Accept: "application/json" },
      expectStatus: [300],
      idempotent: true,
      ...(o.signal ? { signal: o.signal } : {}),
    });
    const doc = await res.json();
    offered = versionsIn(doc);
    identity = isIdentityDocument(doc);
  } catch (probe) {
    // The hint is extra; the 404 is what the caller gets either way. An abort is the caller's.
    if (o.signal?.aborted) throw probe;
  }
  if (offered.length > 0 && !identity) {
    // Another OpenStack service's root (Neutron's v2.0, Cinder's v3.0…): "use its v2.0 URL" would send the user further astray.
    return new NotFound(
      httpErrorInit(
        e,
        `${keystoneRoot(o.authEndpoint)} is not a Keystone: its version document lists ${offered.map((v) => v.id).join(", ")} ` +
          "with no identity media type (another OpenStack service's); check authEndpoint (Keystone's public URL, usually port 5000, ending in /v3)",
      ),
    );
  }
  const major = (id: string) => (/^v?3/i.test(id) ? "v3" : /^v?2/i.test(id) ? "v2.0" : id);
  if (offered.some((v) => major(v.id) === asked)) return e;
  const instead = offered.find((v) => major(v.id) === other) ?? offered[0];
  const message = instead
    ? `This Keystone does not serve ${asked} (its token path answered 404); it offers ${offered.map((v) => v.id).join(", ")}` +
      `${instead.href ? `: use authEndpoint ${instead.href.replace(/\/+$/, "")}` : ""}` +
      `${major(instead.id) === "v3" ? ' (v3 takes userDomain / projectDomain, default "Default")' : ""}`
    : `Keystone answered 404 for the ${asked} token path: this server does not seem to serve ${asked}` +
      `${o.version === "2.0" ? " (Keystone has served only v3 since the Queens release): use the /v3 URL" : ": check authEndpoint"}`;
  return new KeystoneVersionNotServed(httpErrorInit(e, message), offered);
}
