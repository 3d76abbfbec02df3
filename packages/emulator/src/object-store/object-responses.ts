import { textResponse } from "../respond";
import type { StoredObject } from "./model";
import { httpDate } from "./timestamps";

/** Swift's answer to a successful object PUT or COPY. */
export function createdResponse(obj: StoredObject, etagHeader: string, extra: Record<string, string> = {}): Response {
  return textResponse(201, "", { etag: etagHeader, "last-modified": httpDate(obj.lastModified), ...extra }, "text/html; charset=UTF-8");
}
