import { type CallOptions, type NotFound, registerSecret, type ServiceClient, validate } from "@rax/core";
import { NoSslTermination } from "../errors";
import { changeOnly, lbPath, read } from "../mutation";
import { type Ref, ref } from "../ref";
import { type SslTerminationData, sslTerminationBody, type SslTerminationInput, sslTerminationInput, toSslTermination, type UpdateSslTerminationInput, updateSslTerminationInput } from "./models";

const path = (id: string) => lbPath(id, "/ssltermination");
const missing = (id: string) => (e: NotFound) => new NoSslTermination(id, e);

/** GET …/ssltermination; `undefined` when none is configured (CLB's 404; pyrax returned `{}`). */
export async function getSslTermination(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<SslTerminationData | undefined> {
  const id = validate(ref(), lb, "loadBalancer");
  try {
    return toSslTermination((await read(client, id, path(id), sslTerminationBody(), o, missing(id))).sslTermination);
  } catch (e) {
    if (e instanceof NoSslTermination) return undefined;
    throw e;
  }
}

/**
 * PUT …/ssltermination → 200 with the certificate, the private key and the rest at once. The key is
 * registered as a secret before it is sent, so no log line, error or printed object shows it.
 */
export async function setSslTermination(client: ServiceClient, lb: Ref, input: SslTerminationInput, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), lb, "loadBalancer");
  // Registered before validation can echo anything of it.
  if (input && typeof (input as { privatekey?: unknown }).privatekey === "string") registerSecret((input as { privatekey: string }).privatekey, "session");
  const i = validate(sslTerminationInput(), input, "sslTermination");
  const sslTermination = { ...i, enabled: i.enabled ?? true, secureTrafficOnly: i.secureTrafficOnly ?? false };
  await changeOnly(client, id, { method: "PUT", path: path(id), json: { sslTermination } }, [200], o);
}

/**
 * pyrax `update_ssl_termination`: securePort, enabled, secureTrafficOnly of an existing
 * configuration (the others kept from a GET, as pyrax does), and CLB's cipherProfile / securityProtocols when
 * given. `NoSslTermination` when none exists.
 */
export async function updateSslTermination(client: ServiceClient, lb: Ref, changes: UpdateSslTerminationInput, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), lb, "loadBalancer");
  const c = validate(updateSslTerminationInput(), changes, "changes");
  const now = (await read(client, id, path(id), sslTerminationBody(), o, missing(id))).sslTermination;
  const sslTermination = {
    securePort: c.securePort ?? now.securePort,
    enabled: c.enabled ?? now.enabled,
    secureTrafficOnly: c.secureTrafficOnly ?? now.secureTrafficOnly,
    ...(c.cipherProfile !== undefined ? { cipherProfile: c.cipherProfile } : {}),
    ...(c.securityProtocols !== undefined ? { securityProtocols: c.securityProtocols } : {}),
  };
  await changeOnly(client, id, { method: "PUT", path: path(id), json: { sslTermination } }, [200], o);
}

/** DELETE …/ssltermination → 200. */
export async function deleteSslTermination(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), lb, "loadBalancer");
  await changeOnly(client, id, { method: "DELETE", path: path(id) }, [200], o, missing(id));
}
