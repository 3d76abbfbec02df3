import type { EmulatorContext } from "./context";
import type { TokenCheck } from "./identity/tokens";

/** The token a service request presents (Swift also accepts X-Storage-Token). */
export function presentedToken(ctx: EmulatorContext, request: Request): TokenCheck {
  const id = request.headers.get("x-auth-token") ?? request.headers.get("x-storage-token");
  return ctx.state.tokens.check(id);
}
