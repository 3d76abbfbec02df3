// "SSL Termination": lb.add_ssl_termination(…), update_ssl_termination(…), delete_ssl_termination().
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleLb, WAIT } from "./example-lb";

// Shapes only: put your own certificate and key here (read them from files, never from source).
const cert = "-----BEGIN CERTIFICATE-----\nMIIEXTCCA0WgAwIBAgIexample\n-----END CERTIFICATE-----";
const pk = "-----BEGIN RSA PRIVATE KEY-----\nMIIexampleKeyBody\n-----END RSA PRIVATE KEY-----";

export async function main(target: ExampleTarget) {
  const lb = await exampleLb(target);
  // The key is registered as a secret before it is sent: no log line, error or printed object shows it.
  await lb.addSslTermination({ securePort: 443, enabled: true, secureTrafficOnly: false, certificate: cert, privatekey: pk }).whenActive(WAIT);
  const added = await lb.getSslTermination();
  console.log("SSL termination:", added);
  // Only securePort, secureTrafficOnly and enabled can change; new certificates need delete + add.
  await lb.updateSslTermination({ secureTrafficOnly: true }).whenActive(WAIT);
  const updated = await lb.getSslTermination();
  await lb.deleteSslTermination().whenActive(WAIT);
  const after = await lb.getSslTermination();
  await lb.delete();
  return { securePort: added?.securePort, secureTrafficOnly: updated?.secureTrafficOnly, after: after ?? null };
}

if (isMain(import.meta.url)) await runStandalone(main);
