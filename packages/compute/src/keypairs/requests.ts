import { type CallOptions, encodeSegment, jsonFor, type NotFound, notFoundAs, Paginated, sendFor, type ServiceClient, validate } from "@rax/core";
import { NoSuchKeypair } from "../errors";
import { READ_OK } from "../read-status";
import { type KeypairData, type KeypairRef, keypairBody, keypairName, keypairRef, keypairsBody, publicKeyInput, toKeypair } from "./models";

const missing = (name: string) => (e: NotFound) => new NoSuchKeypair(name, e);
const keypairPath = (name: string) => `os-keypairs/${encodeSegment(name)}`;

/** GET /os-keypairs: one page (Nova v2.1 does not page keypairs). */
export function listKeypairs(client: ServiceClient, o: CallOptions = {}): Paginated<KeypairData> {
  return new Paginated(async () => {
    const body = await client.json({ method: "GET", path: "os-keypairs", ...o, success: READ_OK }, keypairsBody());
    return { items: body.keypairs.map((k) => toKeypair(k.keypair)) };
  });
}

/** GET /os-keypairs/{name}. */
export async function getKeypair(client: ServiceClient, keypair: KeypairRef, o: CallOptions = {}): Promise<KeypairData> {
  const name = validate(keypairRef(), keypair, "keypair");
  const body = await notFoundAs(client.json({ method: "GET", path: keypairPath(name), ...o, success: READ_OK }, keypairBody()), missing(name));
  return toKeypair(body.keypair);
}

/** What creating a keypair returns; `privateKey` only when Nova generated the pair (a secret). */
export interface CreatedKeypair {
  keypair: KeypairData;
  privateKey?: string;
}

/**
 * POST /os-keypairs → 200 (201 from microversion 2.2). Without `publicKey` Nova generates the pair
 * and returns the private key once; with it, the public key is imported. A taken name → `Conflict`.
 */
export async function createKeypair(client: ServiceClient, name: string, publicKey?: string, o: CallOptions = {}): Promise<CreatedKeypair> {
  const n = validate(keypairName(), name, "name");
  const key = publicKey === undefined ? undefined : validate(publicKeyInput(), publicKey, "publicKey");
  const json = { keypair: { name: n, ...(key ? { public_key: key } : {}) } };
  const body = await jsonFor(client, { method: "POST", path: "os-keypairs", json, ...o }, [200, 201], keypairBody());
  const privateKey = body.keypair.private_key;
  return { keypair: toKeypair(body.keypair), ...(privateKey ? { privateKey } : {}) };
}

/** DELETE /os-keypairs/{name} → 202 (204 from microversion 2.2). */
export async function deleteKeypair(client: ServiceClient, keypair: KeypairRef, o: CallOptions = {}): Promise<void> {
  const name = validate(keypairRef(), keypair, "keypair");
  const res = await notFoundAs(sendFor(client, { method: "DELETE", path: keypairPath(name), ...o }, [202, 204]), missing(name));
  await res.dump();
}
