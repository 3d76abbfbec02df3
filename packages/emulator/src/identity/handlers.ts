import { http } from "msw";
import type { EmulatorContext } from "../context";
import { handled, jsonResponse } from "../respond";
import { applicationCredentialV3, userApplicationCredentialsV3 } from "./application-credentials";
import { getTokenV1 } from "./v1";
import { postTokensV2, tenantsV2, tokenByIdV2, versionV2, versionV2Entry } from "./v2";
import { authCatalogV3, postTokensV3, subjectTokenV3, versionV3, versionV3Entry } from "./v3";
import { getProjectV3, getRoleV3, listProjectsV3, listRolesV3, listUsersV3, projectUserRolesV3 } from "./v3-admin";
import { authDomainsV3, authProjectsV3, getUserV3, userProjectsV3 } from "./v3-self";

/**
 * Identity at the emulator's root, as Keystone serves it: Rackspace / Keystone v2.0 under
 * `/v2.0`, Keystone v3 under `/v3`, the version list at `/` (the router also accepts an
 * `/identity` prefix, as devstack serves it).
 */
export function identityHandlers(ctx: EmulatorContext) {
  return [
    // python-swiftclient's default (v1.0) auth, at Rackspace's path and at Swift tempauth's.
    http.get("/v1.0", handled(ctx, (request) => getTokenV1(ctx, request, "rackspace"))),
    http.get("/auth/v1.0", handled(ctx, (request) => getTokenV1(ctx, request, "tempauth"))),
    http.post("/v2.0/tokens", handled(ctx, (request) => postTokensV2(ctx, request))),
    http.all(
      "/v2.0/tokens/:tokenId",
      handled(ctx, (request) => {
        if (!["GET", "HEAD", "DELETE"].includes(request.method)) return undefined;
        return tokenByIdV2(ctx, request, lastSegment(request, 0));
      }),
    ),
    http.get("/v2.0/tenants", handled(ctx, (request) => tenantsV2(ctx, request))),
    http.get("/v2.0", handled(ctx, () => versionV2(ctx))),
    http.get("/v2.0/", handled(ctx, () => versionV2(ctx))),
    http.post("/v3/auth/tokens", handled(ctx, (request) => postTokensV3(ctx, request))),
    http.all(
      "/v3/auth/tokens",
      handled(ctx, (request) => (["GET", "HEAD", "DELETE"].includes(request.method) ? subjectTokenV3(ctx, request) : undefined)),
    ),
    http.get("/v3/auth/catalog", handled(ctx, (request) => authCatalogV3(ctx, request))),
    http.get("/v3/auth/projects", handled(ctx, (request) => authProjectsV3(ctx, request))),
    http.get("/v3/auth/domains", handled(ctx, (request) => authDomainsV3(ctx, request))),
    http.get("/v3/users", handled(ctx, (request) => listUsersV3(ctx, request))),
    http.get("/v3/projects", handled(ctx, (request) => listProjectsV3(ctx, request))),
    http.get("/v3/projects/:projectId", handled(ctx, (request) => getProjectV3(ctx, request, lastSegment(request, 0)))),
    http.get("/v3/projects/:projectId/users/:userId/roles", handled(ctx, (request) => projectUserRolesV3(ctx, request, lastSegment(request, 3), lastSegment(request, 1)))),
    http.get("/v3/roles", handled(ctx, (request) => listRolesV3(ctx, request))),
    http.get("/v3/roles/:roleId", handled(ctx, (request) => getRoleV3(ctx, request, lastSegment(request, 0)))),
    http.get("/v3/users/:userId", handled(ctx, (request) => getUserV3(ctx, request, lastSegment(request, 0)))),
    http.get("/v3/users/:userId/projects", handled(ctx, (request) => userProjectsV3(ctx, request, lastSegment(request, 1)))),
    http.all(
      "/v3/users/:userId/application_credentials",
      handled(ctx, (request) =>
        request.method === "GET" || request.method === "POST" ? userApplicationCredentialsV3(ctx, request, lastSegment(request, 1)) : undefined,
      ),
    ),
    http.all(
      "/v3/users/:userId/application_credentials/:credentialId",
      handled(ctx, (request) => applicationCredentialV3(ctx, request, lastSegment(request, 2), lastSegment(request, 0))),
    ),
    http.get("/v3", handled(ctx, () => versionV3(ctx))),
    http.get("/v3/", handled(ctx, () => versionV3(ctx))),
    http.get(
      "/",
      handled(ctx, () =>
        // keystoneauth reads this when given the root URL: v3 first, as Keystone lists it, with its Location.
        jsonResponse(300, { versions: { values: [versionV3Entry(ctx), versionV2Entry(ctx)] } }, { location: `${ctx.publicUrl}/v3/` }),
      ),
    ),
  ];
}

/** A path segment counted from the end (0: the last), decoded. */
function lastSegment(request: Request, fromEnd: number): string {
  const segments = new URL(request.url).pathname.split("/");
  const raw = segments[segments.length - 1 - fromEnd] ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
