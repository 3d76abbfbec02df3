import { swiftError, swiftHtmlReason } from "./errors";
import { MAX_CONTAINER_NAME_LENGTH, MAX_OBJECT_NAME_LENGTH } from "./limits";

export function containerNameProblem(name: string): Response | undefined {
  const length = Buffer.byteLength(name);
  if (length > MAX_CONTAINER_NAME_LENGTH)
    return swiftHtmlReason(400, `Container name length of ${length} longer than ${MAX_CONTAINER_NAME_LENGTH}`);
  return undefined;
}

/** Swift counts an object name's characters (code points) against the limit, not its UTF-8 bytes. */
export function objectNameProblem(name: string): Response | undefined {
  let length = 0;
  for (const _ of name) length++;
  if (length > MAX_OBJECT_NAME_LENGTH) return swiftError(400, `Object name length of ${length} longer than ${MAX_OBJECT_NAME_LENGTH}`);
  return undefined;
}
