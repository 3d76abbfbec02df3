import { type CallOptions, type ServiceClient } from "@rax/core";
import { limitsBody, type LimitsData, toLimits } from "./models";

/** GET /limits. */
export async function getLimits(client: ServiceClient, o: CallOptions = {}): Promise<LimitsData> {
  return toLimits(await client.json({ method: "GET", path: "limits", ...o }, limitsBody()));
}
