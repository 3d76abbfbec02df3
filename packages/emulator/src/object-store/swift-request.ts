import type { EmulatorContext } from "../context";
import type { Account } from "./model";
import type { StorageTarget } from "./target";
import type { StorageActor } from "./acl";
import type { TempUrlGrant } from "./temp-url";

/** One authorised Swift request, as the route functions see it. */
export interface SwiftRequest {
  ctx: EmulatorContext;
  request: Request;
  url: URL;
  target: StorageTarget;
  account: Account;
  /** Emulator clock, epoch seconds. */
  nowSeconds: number;
  /** Set when a temp URL (not a token) authorised the request. */
  grant?: TempUrlGrant;
  /** Who the token speaks for; absent for anonymous and temp-URL requests. */
  actor?: StorageActor;
  /** The account's owner (or a temp URL): not limited by container ACLs. */
  owner: boolean;
}
