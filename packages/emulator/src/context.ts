import type { FaultRegistry } from "./faults";
import type { RequestLogEntry } from "./request-log";
import type { EmulatorState } from "./state";

/** What every handler factory shares: state, fault plan, request log and the URLs it advertises. */
export interface EmulatorContext {
  readonly state: EmulatorState;
  readonly faults: FaultRegistry;
  readonly requests: RequestLogEntry[];
  readonly regions: readonly string[];
  /** Base URL advertised as publicURL (no trailing slash). */
  publicUrl: string;
  /** Base URL advertised as internalURL (ServiceNet stand-in): another host name for the same server. */
  internalUrl: string;
}
