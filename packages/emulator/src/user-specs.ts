import { readFile } from "node:fs/promises";
import type { EmulatorUserInput } from "./identity/users";

/** Why a `--user` / `--users` value was refused; the CLI prints it and exits 2. */
export class UserSpecError extends Error {}

const USER_FIELDS = new Set(["username", "apiKey", "password", "tenantId", "tenantName", "project", "roles", "systemRoles", "domainRoles", "userId", "defaultRegion", "domainId", "enabled"]);

/**
 * `name:password[:project[:role]]` (as `rax-emulator --user` takes it). A password holding ":" needs
 * the JSON form (`--users file.json`).
 */
export function parseUserSpec(spec: string): EmulatorUserInput {
  const parts = spec.split(":");
  if (parts.length < 2 || parts.length > 4) throw new UserSpecError(`--user ${JSON.stringify(spec)}: expected name:password[:project[:role]]`);
  const [username, password, project, role] = parts as [string, string, string?, string?];
  if (!username || !password) throw new UserSpecError(`--user ${JSON.stringify(spec)}: name and password must not be empty`);
  if (parts.length >= 3 && !project) throw new UserSpecError(`--user ${JSON.stringify(spec)}: project must not be empty`);
  if (parts.length === 4 && !role) throw new UserSpecError(`--user ${JSON.stringify(spec)}: role must not be empty`);
  return { username, password, ...(project ? { project } : {}), ...(role ? { roles: [role] } : {}) };
}

/** A users file: a JSON array (or `{ "users": [...] }`) of `name:password[:project[:role]]` strings or user objects. */
export function parseUsersJson(text: string, source: string): EmulatorUserInput[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserSpecError(`${source}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { users?: unknown } | null)?.users;
  if (!Array.isArray(list)) throw new UserSpecError(`${source}: expected an array of users, or { "users": [...] }`);
  return list.map((entry, i): EmulatorUserInput => {
    if (typeof entry === "string") return parseUserSpec(entry);
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new UserSpecError(`${source}: users[${i}] must be a string or an object`);
    const unknown = Object.keys(entry).filter((k) => !USER_FIELDS.has(k));
    if (unknown.length) throw new UserSpecError(`${source}: users[${i}] has unknown field(s) ${unknown.join(", ")}; known: ${[...USER_FIELDS].join(", ")}`);
    const user = entry as Record<string, unknown>;
    if (typeof user.username !== "string" || !user.username) throw new UserSpecError(`${source}: users[${i}].username must be a non-empty string`);
    for (const k of ["apiKey", "password", "tenantId", "tenantName", "project", "userId", "defaultRegion", "domainId"])
      if (user[k] !== undefined && typeof user[k] !== "string") throw new UserSpecError(`${source}: users[${i}].${k} must be a string`);
    for (const k of ["roles", "systemRoles", "domainRoles"]) {
      const list = user[k];
      if (list !== undefined && (!Array.isArray(list) || list.some((r) => typeof r !== "string" || !r)))
        throw new UserSpecError(`${source}: users[${i}].${k} must be an array of non-empty strings`);
    }
    if (user.enabled !== undefined && typeof user.enabled !== "boolean") throw new UserSpecError(`${source}: users[${i}].enabled must be a boolean`);
    return user as unknown as EmulatorUserInput;
  });
}

export async function readUsersFile(path: string): Promise<EmulatorUserInput[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UserSpecError(`--users ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseUsersJson(text, `--users ${path}`);
}
