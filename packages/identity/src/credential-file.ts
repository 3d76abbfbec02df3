import { readFileSync, statSync } from "node:fs";
import { RaxError, ValidationError, registerSecret } from "@rax/core";
import { parseIni } from "./ini-file";
import type { IdentityType } from "./identity-type";
import { warnOnce } from "./warn-once";

/** Credentials read from a pyrax-style credential file. */
export interface FileCredentials {
  username: string;
  apiKey?: string;
  password?: string;
  tenantId?: string;
  tenantName?: string;
}

/** The credential file is missing, has no usable section, or lacks a required option. */
export class InvalidCredentialFile extends RaxError {
  static override readonly errorName: string = "InvalidCredentialFile";
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.path = path;
  }
}

/** Section read for each identity type (pyrax's names). */
export const CREDENTIAL_SECTIONS: Record<IdentityType, string> = {
  rackspace: "rackspace_cloud",
  keystone: "keystone",
};

/**
 * Read credentials as pyrax's `set_credential_file` does: `[rackspace_cloud]` (username + api_key or
 * password) for Rackspace, `[keystone]` (username, password, tenant_id) for Keystone. Values are
 * literal (a `#` or `;` in a password is kept). Warns once when the file is readable by group or others.
 */
export function readCredentialFile(path: string, identityType: IdentityType): FileCredentials {
  if (typeof path !== "string" || path === "") throw new ValidationError("credentialFile", "expected a file path");
  let text: string;
  let mode: number;
  try {
    mode = statSync(path).mode;
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InvalidCredentialFile(path, `cannot read credential file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (process.platform !== "win32" && (mode & 0o077) !== 0) {
    warnOnce(
      `credential-mode:${path}`,
      `credential file ${path} is readable by group or others (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${path}`,
      "RAX_CREDENTIAL_FILE_MODE",
    );
  }
  const { sections, looseKeys } = parseIni(text, { literal: true });
  if (sections.size === 0 && looseKeys.length > 0) {
    throw new InvalidCredentialFile(path, "no section header; expected [rackspace_cloud] or [keystone]");
  }
  const sectionName = CREDENTIAL_SECTIONS[identityType];
  const section = sections.get(sectionName);
  if (!section) {
    throw new InvalidCredentialFile(
      path,
      `no [${sectionName}] section for identity type "${identityType}" (found: ${[...sections.keys()].join(", ") || "none"})`,
    );
  }
  const pick = (k: string): string | undefined => {
    const v = section[k];
    return v === undefined || v === "" ? undefined : v;
  };
  const username = pick("username");
  if (!username) throw new InvalidCredentialFile(path, `[${sectionName}] has no username`);
  const apiKey = pick("api_key");
  const password = pick("password");
  registerSecret(apiKey);
  registerSecret(password);
  if (!apiKey && !password) {
    throw new InvalidCredentialFile(
      path,
      identityType === "keystone" ? "[keystone] has no password" : "[rackspace_cloud] has no api_key or password",
    );
  }
  const creds: FileCredentials = { username };
  if (apiKey) creds.apiKey = apiKey;
  if (password) creds.password = password;
  const tenantId = pick("tenant_id");
  const tenantName = pick("tenant_name");
  if (tenantId) creds.tenantId = tenantId;
  if (tenantName) creds.tenantName = tenantName;
  return creds;
}
