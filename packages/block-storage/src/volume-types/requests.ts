import { type CallOptions, encodeSegment, lazy, type NotFound, notFoundAs, Paginated, type ServiceClient, validate } from "@rax/core";
import { NoSuchVolumeType } from "../errors";
import * as z from "zod/mini";
import { type Ref, ref } from "../ref";
import { toVolumeType, type VolumeTypeData, volumeTypeBody, volumeTypesBody } from "./models";

const missing = (id: string) => (e: NotFound) => new NoSuchVolumeType(id, e);

/** GET /types: one page (Cinder does not page volume types). */
export function listVolumeTypes(client: ServiceClient, o: CallOptions = {}): Paginated<VolumeTypeData> {
  return new Paginated(async () => {
    const body = await client.json({ method: "GET", path: "types", ...o }, volumeTypesBody());
    return { items: body.volume_types.map(toVolumeType) };
  });
}

/** GET /types/{id}. Rackspace numbers its types (1 = SATA, 2 = SSD): a number is an id too. */
const typeRef = lazy(() => z.union([z.pipe(z.int().check(z.nonnegative()), z.transform(String)), ref()], { error: "must be a type id or an object with an id" }));

export async function getVolumeType(client: ServiceClient, type: Ref | number, o: CallOptions = {}): Promise<VolumeTypeData> {
  const id = validate(typeRef(), type, "type");
  const body = await notFoundAs(client.json({ method: "GET", path: `types/${encodeSegment(id)}`, ...o }, volumeTypeBody()), missing(id));
  return toVolumeType(body.volume_type);
}
