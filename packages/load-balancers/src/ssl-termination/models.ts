import { lazy } from "@rax/core";
import * as z from "zod/mini";

const port = lazy(() => z.number().check(z.int("must be a whole number"), z.gte(1, "must be 1–65535"), z.lte(65535, "must be 1–65535")));
const pem = (what: string) => z.string().check(z.regex(/-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----/, `must be a PEM-encoded ${what}`));

/**
 * CLB's TLS switches (update-ssl-termination): only TLS_10 and TLS_11 can be turned off ("Other security protocols
 * remain enabled").
 */
const securityProtocols = lazy(() => z.array(z.strictObject({
  securityProtocolName: z.enum(["TLS_10", "TLS_11"], { error: "must be TLS_10 or TLS_11 (the only protocols CLB lets you switch)" }),
  securityProtocolStatus: z.enum(["ENABLED", "DISABLED"], { error: "must be ENABLED or DISABLED" }),
})).check(z.minLength(1, "must name at least one protocol")));
/** A cipher profile name (CLB names the ciphers of each; `default` unless set). */
const cipherProfile = lazy(() => z.string().check(z.minLength(1, "must not be empty")));

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
  /** CLB's cipher profile (`default` unless given). */
  cipherProfile: z.optional(cipherProfile()),
  /** Turn TLS 1.0 / 1.1 off (or back on): `[{ securityProtocolName: "TLS_10", securityProtocolStatus: "DISABLED" }]`. */
  securityProtocols: z.optional(securityProtocols()),
}));
export type SslTerminationInput = z.input<ReturnType<typeof sslTerminationInput>>;

/**
 * What can change without touching the certificate and key (pyrax `update_ssl_termination`'s three, plus CLB's
 * cipherProfile and securityProtocols — update-ssl-termination's list); new certificates go through `set`.
 */
export const updateSslTerminationInput = lazy(() => z
  .strictObject({ securePort: z.optional(port()), enabled: z.optional(z.boolean()), secureTrafficOnly: z.optional(z.boolean()), cipherProfile: z.optional(cipherProfile()), securityProtocols: z.optional(securityProtocols()) })
  .check(z.refine((u) => Object.values(u).some((v) => v !== undefined), "must change securePort, enabled, secureTrafficOnly, cipherProfile or securityProtocols")));
export type UpdateSslTerminationInput = z.input<ReturnType<typeof updateSslTerminationInput>>;

export const wireSslTermination = lazy(() => z.looseObject({
  certificate: z.optional(z.string()),
  intermediateCertificate: z.nullish(z.string()),
  enabled: z.optional(z.boolean()),
  secureTrafficOnly: z.optional(z.boolean()),
  securePort: z.optional(z.number()),
  cipherProfile: z.nullish(z.string()),
  securityProtocols: z.nullish(z.array(z.looseObject({ securityProtocolName: z.string(), securityProtocolStatus: z.string() }))),
}));
export const sslTerminationBody = lazy(() => z.looseObject({ sslTermination: wireSslTermination() }));

/** SSL termination as CLB reports it (never the private key). */
export interface SslTerminationData {
  certificate: string;
  intermediateCertificate?: string;
  enabled: boolean;
  secureTrafficOnly: boolean;
  securePort: number;
  /** The cipher profile in use (`default`), when CLB says. */
  cipherProfile?: string;
  /** TLS 1.0 / 1.1 switches, when CLB says: `[{ securityProtocolName: "TLS_10", securityProtocolStatus: "DISABLED" }]`. */
  securityProtocols?: Array<{ securityProtocolName: string; securityProtocolStatus: string }>;
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
    ...(w.cipherProfile ? { cipherProfile: w.cipherProfile } : {}),
    ...(w.securityProtocols ? { securityProtocols: w.securityProtocols.map((p) => ({ securityProtocolName: p.securityProtocolName, securityProtocolStatus: p.securityProtocolStatus })) } : {}),
    raw: rest,
  };
}
