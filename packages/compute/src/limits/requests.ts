import { type CallOptions, type ServiceClient } from "@rax/core";
import { limitsBody, type LimitsData, toLimits } from "./models";
import { READ_OK } from "../read-status";

/** GET /limits. */
export async function getLimits(client: ServiceClient, o: CallOptions = {}): Promise<LimitsData> {
  return toLimits(await client.json({ method: "GET", path: "limits", ...o, success: READ_OK }, limitsBody()));
}
