import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ValidationError } from "@rax/core";
import { parseIni } from "./ini-file";
import { INSPECT, printedForm } from "./printed-form";
import {
  CREDENTIAL_KEYS,
  SETTING_NAMES,
  SETTING_SPECS,
  type SettingName,
  type Settings,
  parseSettingValue,
  settingName,
} from "./settings";
import { warnOnce } from "./warn-once";

export type EnvVars = Record<string, string | undefined>;

export interface ConfigOptions {
  /** Environment variables to read (default `process.env`). */
  env?: EnvVars;
  /**
   * Config file path; `false` reads none. Default: `RAX_CONFIG_FILE`, else `~/.rax.cfg`, else
   * `~/.pyrax.cfg` (so pyrax users keep their file).
   */
  configFile?: string | false;
  /** Environment (config-file section) to start in. */
  environment?: string;
}

/** Name used for the single environment when no config file exists. */
const IMPLICIT_ENV = "default";

/** The home directory as `env` sees it, so tests and tools can point HOME elsewhere. */
export function homeDirectory(env: EnvVars): string {
  return env.HOME || env.USERPROFILE || homedir();
}

/** Which config file applies: explicit → RAX_CONFIG_FILE → ~/.rax.cfg → ~/.pyrax.cfg → none. */
export function locateConfigFile(env: EnvVars, explicit?: string | false): string | undefined {
  if (explicit === false) return undefined;
  if (explicit !== undefined) {
    if (!existsSync(explicit)) throw new ValidationError("configFile", `config file ${explicit} does not exist`);
    return explicit;
  }
  const fromEnv = env.RAX_CONFIG_FILE;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new ValidationError("RAX_CONFIG_FILE", `config file ${fromEnv} does not exist`);
    return fromEnv;
  }
  const home = homeDirectory(env);
  for (const name of [".rax.cfg", ".pyrax.cfg"]) {
    const p = join(home, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/**
 * Settings by environment. Precedence per setting: a value set in code (`setSetting`, or explicit
 * options to `createContext`) → the config file's active section → the `CLOUD_*` environment
 * variable (pyrax: "the configuration file values take precedence over any environment variables")
 * → the built-in default.
 */
export class Config {
  /** The config file read, if any. */
  readonly path?: string;
  // Private: the environment may hold CLOUD_API_KEY / CLOUD_PASSWORD, and printing a Config must not show them.
  readonly #env: EnvVars;
  readonly #fileSections: Map<string, Record<string, string>>;
  readonly #overrides = new Map<string, Record<string, unknown>>();
  readonly #defaultName: string;
  #current: string;

  constructor(opts: ConfigOptions = {}) {
    this.#env = opts.env ?? process.env;
    this.path = locateConfigFile(this.#env, opts.configFile);
    this.#fileSections = this.path ? readConfigFile(this.path) : new Map();
    this.#defaultName = pickDefaultEnvironment([...this.#fileSections.keys()]);
    this.#current = this.#defaultName;
    if (opts.environment !== undefined) this.setEnvironment(opts.environment);
  }

  /** Every environment defined (config-file sections; "default" when there is no file). */
  listEnvironments(): string[] {
    return this.#fileSections.size > 0 ? [...this.#fileSections.keys()] : [IMPLICIT_ENV];
  }

  /** The active environment. */
  getEnvironment(): string {
    return this.#current;
  }

  /** The environment used when none is chosen: `default`, else `settings`, else the first section. */
  get defaultEnvironment(): string {
    return this.#defaultName;
  }

  /** Switch the active environment; unknown names throw `ValidationError` listing the known ones. */
  setEnvironment(name: string): void {
    this.#current = this.#resolveEnvironment(name, "environment");
  }

  /** A setting's effective value in the active (or given) environment. */
  getSetting<K extends SettingName>(key: K, env?: string): Settings[K];
  getSetting(key: string, env?: string): unknown;
  getSetting(key: string, env?: string): unknown {
    const envName = env === undefined ? this.#current : this.#resolveEnvironment(env, "env");
    const name = settingName(key);
    const override = this.#overrides.get(envName);
    if (name === undefined) {
      // Settings rax does not know (another package's, e.g. a queues client id) pass through raw.
      const k = key.toLowerCase();
      if (override && k in override) return override[k];
      return this.#fileSections.get(envName)?.[k];
    }
    if (override && name in override) return override[name];
    const spec = SETTING_SPECS[name];
    const section = this.#fileSections.get(envName);
    for (const fileKey of [spec.fileKey, ...(spec.legacyFileKeys ?? [])]) {
      const raw = section?.[fileKey];
      if (raw === undefined) continue;
      const v = parseSettingValue(name, raw);
      if (v === undefined && raw.trim() !== "") {
        throw new ValidationError(`${envName}.${fileKey}`, `${this.path}: cannot read "${raw}" as ${spec.kind}`);
      }
      if (v !== undefined) return v;
    }
    for (const envVar of spec.envVars) {
      const raw = this.#env[envVar];
      if (raw === undefined) continue;
      const v = parseSettingValue(name, raw);
      if (v === undefined && raw.trim() !== "") {
        throw new ValidationError(envVar, `cannot read "${raw}" as ${spec.kind}`);
      }
      if (v !== undefined) return v;
    }
    return spec.defaultValue;
  }

  /** Set a value in code for the active (or given) environment; it wins over the file and env. */
  setSetting(key: string, value: unknown, env?: string): void {
    const envName = env === undefined ? this.#current : this.#resolveEnvironment(env, "env");
    const name = settingName(key);
    let stored: unknown = value;
    if (name !== undefined && value !== undefined && value !== null) {
      const spec = SETTING_SPECS[name];
      stored = parseSettingValue(name, value);
      if (stored === undefined) throw new ValidationError(key, `expected a ${spec.kind}, got ${JSON.stringify(value)}`);
    }
    const bucket = this.#overrides.get(envName) ?? {};
    bucket[name ?? key.toLowerCase()] = stored;
    this.#overrides.set(envName, bucket);
  }

  /** What printing a Config shows: where it read from and which environment is active. */
  toJSON(): Record<string, unknown> {
    return printedForm({ path: this.path, environment: this.#current, environments: this.listEnvironments() });
  }

  [INSPECT](depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    return `Config ${inspect(this.toJSON(), options)}`;
  }

  /** Every known setting's effective value in the active (or given) environment. */
  settings(env?: string): Settings {
    const out: Record<string, unknown> = {};
    for (const name of SETTING_NAMES) {
      const v = this.getSetting(name, env);
      if (v !== undefined) out[name] = v;
    }
    return out as Settings;
  }

  #resolveEnvironment(name: string, field: string): string {
    const known = this.listEnvironments();
    if (known.includes(name)) return name;
    // "default" (and pyrax's legacy "settings") always name the default environment.
    if (name === "default" || name === "settings") return this.#defaultName;
    throw new ValidationError(field, `unknown environment "${name}"; defined: ${known.join(", ")}`);
  }
}

function pickDefaultEnvironment(sections: string[]): string {
  if (sections.includes("default")) return "default";
  if (sections.includes("settings")) return "settings";
  return sections[0] ?? IMPLICIT_ENV;
}

function readConfigFile(path: string): Map<string, Record<string, string>> {
  const { sections } = parseIni(readFileSync(path, "utf8"));
  for (const [name, values] of sections) {
    const found = CREDENTIAL_KEYS.filter((k) => k in values);
    if (found.length === 0) continue;
    // pyrax ignores credentials in its well-known config file (and warns): keep that promise.
    for (const k of found) delete values[k];
    warnOnce(
      `config-credentials:${path}`,
      `${path} [${name}] holds ${found.join(", ")}; credentials in the config file are ignored. ` +
        "Use a credential file, CLOUD_USERNAME/CLOUD_API_KEY/CLOUD_PASSWORD, or the keychain.",
      "RAX_CREDENTIALS_IN_CONFIG",
    );
  }
  return sections;
}
