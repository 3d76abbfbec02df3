import { createHash, generateKeyPairSync } from "node:crypto";

/** A real RSA keypair, as Nova generates one: PEM private key, OpenSSH public key, MD5 fingerprint. */
export function generateKeypair(comment: string): { privateKey: string; publicKey: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 65537 });
  const jwk = publicKey.export({ format: "jwk" });
  const blob = Buffer.concat([sshString(Buffer.from("ssh-rsa")), sshString(mpint(Buffer.from(jwk.e!, "base64url"))), sshString(mpint(Buffer.from(jwk.n!, "base64url")))]);
  return {
    privateKey: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    publicKey: `ssh-rsa ${blob.toString("base64")} ${comment}`,
    fingerprint: fingerprintOf(blob),
  };
}

const KEY_TYPES = new Set(["ssh-rsa", "ssh-dss", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]);

/** The fingerprint of an OpenSSH public key line, or undefined when it is not one (Nova: 400). */
export function fingerprintOfPublicKey(line: string): string | undefined {
  const [type, data] = line.trim().split(/\s+/);
  if (!type || !data || !KEY_TYPES.has(type) || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return undefined;
  const blob = Buffer.from(data, "base64");
  // The blob starts with the key type again: a line whose halves disagree is not a key.
  if (blob.length < 4) return undefined;
  const len = blob.readUInt32BE(0);
  if (len + 4 > blob.length || blob.subarray(4, 4 + len).toString() !== type) return undefined;
  return fingerprintOf(blob);
}

function fingerprintOf(blob: Buffer): string {
  return createHash("md5").update(blob).digest("hex").replace(/(..)(?!$)/g, "$1:");
}

function sshString(b: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}

function mpint(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  const v = b.subarray(i);
  return v[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v;
}
