import { type ImageRecord, iso } from "./model";

/** Glance v2's image document: a bare object, custom properties beside the standard fields. */
export function imageView(img: ImageRecord): Record<string, unknown> {
  return {
    ...Object.fromEntries(img.props),
    id: img.id,
    name: img.name,
    status: img.status,
    visibility: img.visibility,
    protected: img.protected,
    os_hidden: false,
    owner: img.owner,
    size: img.data ? img.data.length : null,
    virtual_size: null,
    min_disk: img.minDisk,
    min_ram: img.minRam,
    disk_format: img.diskFormat,
    container_format: img.containerFormat,
    checksum: img.checksum,
    os_hash_algo: img.checksum ? "sha512" : null,
    os_hash_value: img.sha512 ?? null,
    tags: [...img.tags],
    created_at: iso(img.created),
    updated_at: iso(img.updated),
    self: `/v2/images/${img.id}`,
    file: `/v2/images/${img.id}/file`,
    schema: "/v2/schemas/image",
  };
}
