import { RaxError, ValidationError, registerSecret } from "@rax/core";

/** Keychain service name; pyrax stores secrets under "pyrax", so existing entries keep working. */
export const KEYCHAIN_SERVICE = "pyrax";

/** The part of keytar rax uses; pass your own to `keyringAuth` to use another secret store. */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
}

/** keytar is not installed, or has no secret for the account. */
export class KeychainError extends RaxError {
  static override readonly errorName: string = "KeychainError";
}

/**
 * keytar, loaded on first use: it is an optional peer dependency (a native module), so users who
 * never touch the keychain do not need it installed.
 */
export async function loadKeytar(): Promise<Keychain> {
  // A computed specifier keeps bundlers and the type checker from requiring keytar at build time;
  // webpackIgnore keeps webpack from turning it into an empty context module (its bundle could not
  // load an installed keytar, and warned "Critical dependency").
  const specifier = "keytar";
  let mod: unknown;
  try {
    mod = await import(/* webpackIgnore: true */ specifier);
  } catch (e) {
    throw new KeychainError(
      'Keychain authentication needs the optional "keytar" package: run `npm install keytar` ' +
        "(it builds a native module), or pass credentials another way (apiKey/password, a credential file, CLOUD_API_KEY / CLOUD_PASSWORD).",
      { cause: e },
    );
  }
  const m = mod as { getPassword?: unknown; default?: { getPassword?: unknown } };
  const api = typeof m.getPassword === "function" ? m : m.default;
  if (!api || typeof api.getPassword !== "function") throw new KeychainError('the "keytar" module has no getPassword()');
  return api as Keychain;
}

/** The secret stored for `username` under service "pyrax" (an API key for Rackspace, a password for Keystone). */
export async function readKeychainSecret(username: string | undefined, keychain?: Keychain): Promise<string> {
  if (!username) {
    throw new ValidationError("username", "keyring authentication needs a username: pass one or set keyring_username / CLOUD_KEYRING_USER");
  }
  const kc = keychain ?? (await loadKeytar());
  const secret = await kc.getPassword(KEYCHAIN_SERVICE, username);
  if (!secret) {
    throw new KeychainError(`no secret in the keychain for service "${KEYCHAIN_SERVICE}", account "${username}"`);
  }
  registerSecret(secret);
  return secret;
}
