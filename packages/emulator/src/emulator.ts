import type { RequestHandler } from "msw";
import { DEFAULT_REGIONS } from "./catalog";
import { cdnHandlers } from "./cdn/handlers";
import type { EmulatorContext } from "./context";
import { fallbackHandlers } from "./fallback-handlers";
import { faultHandlers } from "./fault-handler";
import { FaultRegistry } from "./faults";
import { identityHandlers } from "./identity/handlers";
import { DEFAULT_USER, type EmulatorUser, type EmulatorUserInput } from "./identity/users";
import { objectStoreHandlers } from "./object-store/handlers";
import type { RequestLogEntry } from "./request-log";
import { EmulatorState } from "./state";

const CONTEXT = Symbol("rax-emulator-context");

export interface EmulatorOptions {
  /** Public base URL the catalog advertises (startEmulator sets it to the server's address). */
  url?: string;
  /** Base URL advertised as internalURL (ServiceNet); defaults to `url`. */
  internalUrl?: string;
  /** Regions in the catalog; default DFW, ORD, IAD, LON, SYD, HKG. The first is users' default region. */
  regions?: string[];
  /** Accounts to create; default one user `demo` / API key `demo-api-key` / password `demo-password`, tenant `123456`. */
  users?: EmulatorUserInput[];
}

/** An emulator without a server: state plus msw handlers to mount in your own `setupServer`. */
export interface Emulator {
  readonly url: string;
  /** Rackspace / Keystone v2.0 base (POST `${authUrl}/tokens`). */
  readonly authUrl: string;
  /** Keystone v3 base (POST `${keystoneUrl}/auth/tokens`). */
  readonly keystoneUrl: string;
  readonly internalUrl: string;
  readonly handlers: RequestHandler[];
  readonly state: EmulatorState;
  readonly faults: FaultRegistry;
  /** Every request answered, oldest first: method, path (no query), status. */
  readonly requests: RequestLogEntry[];
  readonly users: EmulatorUser[];
  readonly regions: readonly string[];
  clearRequests(): void;
}

/** Every handler, in the order they must run: faults first, unimplemented services last. */
export function createEmulatorHandlers(ctx: EmulatorContext): RequestHandler[] {
  const services: RequestHandler[] = [
    ...identityHandlers(ctx),
    ...objectStoreHandlers(ctx),
    ...cdnHandlers(ctx),
    ...fallbackHandlers(ctx),
  ];
  return [...faultHandlers(ctx, () => services), ...services];
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const regions = options.regions?.length ? [...options.regions] : [...DEFAULT_REGIONS];
  const state = new EmulatorState(regions[0]!);
  for (const user of options.users?.length ? options.users : [DEFAULT_USER]) state.users.add(user);
  const url = (options.url ?? "http://emulator.rax.test").replace(/\/+$/, "");
  const ctx: EmulatorContext = {
    state,
    faults: new FaultRegistry(),
    requests: [],
    regions,
    publicUrl: url,
    internalUrl: (options.internalUrl ?? url).replace(/\/+$/, ""),
  };
  const handlers = createEmulatorHandlers(ctx);
  return {
    get url() {
      return ctx.publicUrl;
    },
    get authUrl() {
      return `${ctx.publicUrl}/identity/v2.0`;
    },
    get keystoneUrl() {
      return `${ctx.publicUrl}/identity/v3`;
    },
    get internalUrl() {
      return ctx.internalUrl;
    },
    handlers,
    state,
    faults: ctx.faults,
    requests: ctx.requests,
    get users() {
      return state.users.list();
    },
    regions,
    clearRequests: () => {
      ctx.requests.length = 0;
    },
    // Kept reachable for startEmulator, which learns the URL after listening.
    [CONTEXT]: ctx,
  } as Emulator;
}

export function contextOf(emulator: Emulator): EmulatorContext {
  return (emulator as unknown as Record<symbol, EmulatorContext>)[CONTEXT]!;
}
