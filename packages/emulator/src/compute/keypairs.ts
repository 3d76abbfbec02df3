import { emptyResponse, jsonResponse } from "../respond";
import { generateKeypair, fingerprintOfPublicKey } from "./keygen";
import { badRequest, conflict, forbidden, notFound } from "./nova-errors";
import { jsonBody, member, type NovaRequest } from "./nova-request";
import { keypairKey } from "./servers";
import { iso, keypairView } from "./views";

const SAFE_NAME = /^[A-Za-z0-9_ -]+$/;

export function listKeypairs(r: NovaRequest): Response {
  const keypairs = [...r.region.keypairs.values()].filter((k) => k.userId === r.userId).map((k) => ({ keypair: keypairView(k) }));
  return jsonResponse(200, { keypairs });
}

/** POST /os-keypairs → 200 (v2.1): generates a real RSA pair (private key returned once) or imports a public key. */
export async function createKeypair(r: NovaRequest): Promise<Response> {
  const k = member(await jsonBody(r), "keypair");
  const name = k.name;
  if (typeof name !== "string" || name.length < 1 || name.length > 255) throw badRequest("Keypair data is invalid: Keypair name must be string and between 1 and 255 characters long");
  if (!SAFE_NAME.test(name) || name.trim() !== name) throw badRequest("Keypair data is invalid: Keypair name contains unsafe characters");
  const key = keypairKey(r.userId, name);
  if (r.region.keypairs.has(key)) throw conflict(`Key pair '${name}' already exists.`);
  const mine = [...r.region.keypairs.values()].filter((x) => x.userId === r.userId).length;
  if (mine >= r.compute.quotas.maxTotalKeypairs) throw forbidden("Quota exceeded, too many key pairs.");
  let publicKey: string;
  let fingerprint: string;
  let privateKey: string | undefined;
  if (k.public_key !== undefined) {
    if (typeof k.public_key !== "string") throw badRequest("Keypair data is invalid: failed to generate fingerprint");
    const fp = fingerprintOfPublicKey(k.public_key);
    if (!fp) throw badRequest("Keypair data is invalid: failed to generate fingerprint");
    publicKey = k.public_key.trim();
    fingerprint = fp;
  } else {
    const generated = generateKeypair("Generated-by-Nova");
    ({ publicKey, fingerprint, privateKey } = generated);
  }
  const record = { name, userId: r.userId, publicKey, fingerprint, created: r.region.now, id: r.compute.nextKeypairId() };
  r.region.keypairs.set(key, record);
  return jsonResponse(200, { keypair: { ...keypairView(record), user_id: r.userId, ...(privateKey ? { private_key: privateKey } : {}) } });
}

export function showKeypair(r: NovaRequest, name: string): Response {
  const k = r.region.keypairs.get(keypairKey(r.userId, name));
  if (!k) throw notFound(`Keypair ${name} not found for user ${r.userId}`);
  return jsonResponse(200, {
    keypair: { ...keypairView(k), user_id: k.userId, created_at: iso(k.created).replace("Z", ".000000"), deleted: false, deleted_at: null, updated_at: null, id: k.id },
  });
}

/** DELETE /os-keypairs/{name} → 202 (v2.1). */
export function deleteKeypair(r: NovaRequest, name: string): Response {
  if (!r.region.keypairs.delete(keypairKey(r.userId, name))) throw notFound(`Keypair ${name} not found for user ${r.userId}`);
  return emptyResponse(202);
}
