import type { EndpointDirectory } from "./endpoints";
import type { FaultRegistry } from "./faults";
import type { RequestLogEntry } from "./request-log";
import type { EmulatorState } from "./state";

/** What every handler factory shares: state, fault plan, request log and the URLs it advertises. */
export interface EmulatorContext {
  readonly state: EmulatorState;
  readonly faults: FaultRegistry;
  readonly requests: RequestLogEntry[];
  readonly regions: readonly string[];
  /** Every service's endpoint URLs, and which endpoint a URL addresses. */
  readonly endpoints: EndpointDirectory;
  /** The emulator's own URL (identity's root), no trailing slash. */
  publicUrl: string;
  /** The same over the internal (ServiceNet stand-in) interface: another host name for the same server. */
  internalUrl: string;
}
