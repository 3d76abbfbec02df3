import { lazy } from "@rax/core";
import * as z from "zod/mini";

const port = lazy(() => z.number().check(z.int("must be a whole number"), z.gte(1, "must be 1–65535"), z.lte(65535, "must be 1–65535")));
const pem = (what: string) => z.string().check(z.regex(/-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----/, `must be a PEM-encoded ${what}`));

/** Everything SSL termination needs at once (pyrax `add_ssl_termination`). */
export const sslTerminationInput = lazy(() => z.strictObject({
  /** Port the secure shadow server listens on (443 usually). */
  securePort: port(),
  /** PEM private key (RSA: CLB's update-ssl-termination "ECDSA key format is currently not accepted"): registered as a secret, sent once, never returned or printed. */
  privatekey: pem("private key").check(z.refine((k) => !/-----BEGIN EC PRIVATE KEY-----/.test(k), "must be an RSA key: CLB does not accept ECDSA keys for SSL termination")),
  certificate: pem("certificate"),
  intermediateCertificate: z.optional(pem("certificate chain")),
  /** Default true. */
  enabled: z.optional(z.boolean()),
  /** Only secure traffic reaches the nodes. Default false. */
  secureTrafficOnly: z.optional(z.boolean()),
}));
export type SslTerminationInput = z.input<ReturnType<typeof sslTerminationInput>>;

/** What can change once configured (pyrax `update_ssl_termination`); certificates need delete + add. */
export const updateSslTerminationInput = lazy(() => z
  .strictObject({ securePort: z.optional(port()), enabled: z.optional(z.boolean()), secureTrafficOnly: z.optional(z.boolean()) }).check(z.refine((u) => u.securePort !== undefined || u.enabled !== undefined || u.secureTrafficOnly !== undefined, "must change securePort, enabled or secureTrafficOnly")));
export type UpdateSslTerminationInput = z.input<ReturnType<typeof updateSslTerminationInput>>;

export const wireSslTermination = lazy(() => z.looseObject({
  certificate: z.optional(z.string()),
  intermediateCertificate: z.nullish(z.string()),
  enabled: z.optional(z.boolean()),
  secureTrafficOnly: z.optional(z.boolean()),
  securePort: z.optional(z.number()),
}));
export const sslTerminationBody = lazy(() => z.looseObject({ sslTermination: wireSslTermination() }));

/** SSL termination as CLB reports it (never the private key). */
export interface SslTerminationData {
  certificate: string;
  intermediateCertificate?: string;
  enabled: boolean;
  secureTrafficOnly: boolean;
  securePort: number;
  raw: Record<string, unknown>;
}

export function toSslTermination(w: z.output<ReturnType<typeof wireSslTermination>>): SslTerminationData {
  // A private key never belongs in what we hand back, even if a server echoed one.
  const { privatekey: _k, ...rest } = w as Record<string, unknown>;
  return {
    certificate: w.certificate ?? "",
    ...(w.intermediateCertificate ? { intermediateCertificate: w.intermediateCertificate } : {}),
    enabled: w.enabled ?? false,
    secureTrafficOnly: w.secureTrafficOnly ?? false,
    securePort: w.securePort ?? 0,
    raw: rest,
  };
}
