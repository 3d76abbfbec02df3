// A serverless function (AWS Lambda, Google Cloud Functions, OpenWhisk, …) that stores one object in
// Cloud Files / Swift. Bundle it with esbuild's defaults:
//
//   npx esbuild examples/serverless/handler.ts --bundle --platform=node --minify --outfile=dist/handler.cjs
//
// Configuration comes from environment variables set on the function, never from the bundle:
//   CLOUD_ID_TYPE         keystone (default) or rackspace
//   CLOUD_AUTH_ENDPOINT   Keystone URL (…/v3 or …/v2.0); Rackspace: optional, the public one by default
//   CLOUD_USERNAME        the user
//   CLOUD_PASSWORD or CLOUD_API_KEY   the secret (inject it from your platform's secret store)
//   CLOUD_TENANT_NAME or CLOUD_TENANT_ID   the project (Keystone)
//   CLOUD_REGION          the region of the object store
//   RAX_CONTAINER         the container objects go to
//   RAX_TOKEN_STORE       directory for the token file (default: rax-tokens-<uid> in the OS temp dir)
import { FileTokenStore, KeystoneIdentity, RackspaceIdentity } from "@rax/identity";
import { ObjectStore } from "@rax/object-store";

export interface StoreEvent {
  name: string;
  body: string;
  contentType?: string;
}

export interface StoreResult {
  container: string;
  name: string;
  etag: string | undefined;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name]?.trim();
  if (!v) throw new Error(`set ${name} on the function`);
  return v;
}

// Module scope: made on a cold start, reused by every warm invocation of this instance (the same
// token, catalog and keep-alive connections).
let client: { files: ObjectStore; container: string } | undefined;

function setUp(env: NodeJS.ProcessEnv = process.env): { files: ObjectStore; container: string } {
  const idType = (env.CLOUD_ID_TYPE ?? "keystone").trim().toLowerCase();
  // The token (with its expiry and catalog) in the function's writable tmp: the next cold start on
  // this instance skips identity while the token has more than a minute left.
  const tokenStore = new FileTokenStore(env.RAX_TOKEN_STORE ? { dir: env.RAX_TOKEN_STORE } : {});
  const common = {
    username: required(env, "CLOUD_USERNAME"),
    ...(env.CLOUD_AUTH_ENDPOINT ? { authEndpoint: env.CLOUD_AUTH_ENDPOINT } : {}),
    ...(env.CLOUD_TENANT_ID ? { tenantId: env.CLOUD_TENANT_ID } : env.CLOUD_TENANT_NAME ? { tenantName: env.CLOUD_TENANT_NAME } : {}),
    tokenStore,
  };
  const identity =
    idType === "rackspace"
      ? new RackspaceIdentity({ ...common, ...(env.CLOUD_API_KEY ? { apiKey: env.CLOUD_API_KEY } : { password: required(env, "CLOUD_PASSWORD") }) })
      : new KeystoneIdentity({ ...common, authEndpoint: required(env, "CLOUD_AUTH_ENDPOINT"), password: required(env, "CLOUD_PASSWORD") });
  return { files: new ObjectStore(identity, { region: required(env, "CLOUD_REGION") }), container: required(env, "RAX_CONTAINER") };
}

/** The function: store `event.body` as `event.name`. */
export async function handler(event: StoreEvent): Promise<StoreResult> {
  client ??= setUp();
  const obj = await client.files.storeObject(client.container, event.name, event.body, { contentType: event.contentType ?? "text/plain" });
  return { container: client.container, name: event.name, etag: obj.etag };
}
