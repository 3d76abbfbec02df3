import { lazy } from "@rax/core";
import * as z from "zod/mini";

export const wireKeypair = lazy(() => z.looseObject({
  name: z.string(),
  public_key: z.optional(z.string()),
  fingerprint: z.optional(z.string()),
  private_key: z.optional(z.string()),
  user_id: z.optional(z.string()),
  type: z.optional(z.string()),
  created_at: z.optional(z.string()),
}));
export type WireKeypair = z.output<ReturnType<typeof wireKeypair>>;

export const keypairBody = lazy(() => z.looseObject({ keypair: wireKeypair() }));
export const keypairsBody = lazy(() => z.looseObject({ keypairs: z.array(z.looseObject({ keypair: wireKeypair() })) }));

export interface KeypairData {
  name: string;
  publicKey: string;
  fingerprint: string;
  userId?: string;
  /** `ssh` or `x509` (Nova 2.2+). */
  type?: string;
  created?: string;
  /** Every field Nova sent, as sent (never the private key). */
  raw: Record<string, unknown>;
}

export function toKeypair(w: WireKeypair): KeypairData {
  const { private_key: _secret, ...raw } = w;
  return {
    name: w.name,
    publicKey: w.public_key ?? "",
    fingerprint: w.fingerprint ?? "",
    ...(w.user_id ? { userId: w.user_id } : {}),
    ...(w.type ? { type: w.type } : {}),
    ...(w.created_at ? { created: w.created_at } : {}),
    raw,
  };
}

/** Nova v2.1's rule: 1–255 characters of letters, digits, `_`, `-` and spaces, no space at either end. */
export const keypairName = lazy(() => z.string().check(
  z.minLength(1),
  z.maxLength(255),
  z.regex(/^[A-Za-z0-9_-](?:[A-Za-z0-9_ -]*[A-Za-z0-9_-])?$/, "must be letters, digits, _, - or inner spaces"),
));

/** A keypair by name, or any object with a `name` (a `Keypair`). */
export const keypairRef = lazy(() => z.union([keypairName(), z.pipe(z.object({ name: keypairName() }), z.transform((k) => k.name))], {
  error: "must be a keypair name or an object with a name",
}));
export type KeypairRef = string | { readonly name: string };

export const publicKeyInput = lazy(() => z.string().check(
  z.trim(),
  z.regex(/^(ssh-|ecdsa-|sk-)[A-Za-z0-9@.-]+ [A-Za-z0-9+/=]+( .*)?$/s, "must be an OpenSSH public key (ssh-rsa AAAA… comment)"),
));
