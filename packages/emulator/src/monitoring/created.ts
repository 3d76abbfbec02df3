import { emptyResponse } from "../respond";
import type { MaasRequest } from "./maas-request";

/** Creates answer 201 with no body, the id in X-Object-ID and the URL in Location (monitoring.md "Create responses"). */
export function created(r: MaasRequest, path: string, id: string): Response {
  return emptyResponse(201, { "x-object-id": id, location: `${r.base}/${path}/${encodeURIComponent(id)}` });
}

/** Updates and deletes answer 204 (monitoring.md "Update / delete"). */
export const noContent = (): Response => emptyResponse(204);
