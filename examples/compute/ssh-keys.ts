// "SSH Key Authentication": store your public key under a name; or let the cloud make a pair.
import { generateKeyPairSync } from "node:crypto";
import { Compute } from "@rax/compute";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget) {
  const cs = ctx.client(Compute, { region });
  // pyrax reads ~/.ssh/id_rsa.pub; the example makes a throwaway key so it runs anywhere.
  const publicKey = openSshPublicKey();
  const name = exampleName("my_key");
  const stored = await cs.keypairs.create(name, publicKey); // pyrax: cs.keypairs.create("my_key", keyfile.read())
  console.log("stored", stored.name, stored.fingerprint);

  // Without a public key the cloud generates the pair; the private key is shown this once.
  const generated = await cs.keypairs.create(exampleName("generated"));
  console.log("generated", generated.name, "private key of", generated.privateKey?.length, "characters (save it now)");

  const names = (await cs.keypairs.list().toArray()).map((k) => k.name);
  await stored.delete();
  await generated.delete();
  return { name, names, fingerprint: stored.fingerprint, hasPrivateKey: generated.privateKey?.includes("PRIVATE KEY") ?? false, printed: JSON.stringify(generated) };
}

/** An `ssh-rsa AAAA… comment` line for a fresh RSA key (what `cat ~/.ssh/id_rsa.pub` shows). */
function openSshPublicKey(): string {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" });
  const field = (b: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(b.length);
    return Buffer.concat([length, b]);
  };
  const mpint = (b: Buffer) => (b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
  const blob = Buffer.concat([field(Buffer.from("ssh-rsa")), field(mpint(Buffer.from(jwk.e!, "base64url"))), field(mpint(Buffer.from(jwk.n!, "base64url")))]);
  return `ssh-rsa ${blob.toString("base64")} rax-example`;
}

if (isMain(import.meta.url)) await runStandalone(main);
