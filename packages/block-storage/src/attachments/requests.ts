import { type CallOptions, encodeSegment, joinUrl, jsonFor, type NotFound, notFoundAs, sendFor, validate } from "@rax/core";
import { NoSuchVolume } from "../errors";
import { type Ref, ref } from "../ref";
import type { VolumeApi } from "../volume-api";
import { mountpointInput, toVolumeAttachment, type VolumeAttachmentData, volumeAttachmentBody, volumeAttachmentsBody } from "./models";

// Attach and detach are Nova calls (pyrax goes through novaclient): they go to the compute endpoint
// with the same token. A 404 may mean the server or the volume; Nova's message says which.

/**
 * Nova's 404 names what it missed: "Instance x could not be found." (the server: left a `NotFound`, its
 * message naming the server) or the volume ("Volume x could not be found.", "volume_id not found: x")
 * → `NoSuchVolume`.
 */
const volumeOrServer = (volumeId: string) => (e: NotFound): NotFound => (/instance|server/i.test(e.serverMessage) ? e : new NoSuchVolume(volumeId, e));

const attachmentsUrl = (client: VolumeApi, serverId: string, rest = "") =>
  joinUrl(client.computeEndpoint, `servers/${encodeSegment(serverId)}/os-volume_attachments${rest}`);

/**
 * POST {compute}/servers/{server}/os-volume_attachments → 200 (Nova v2.1; older docs say 202).
 * `mountpoint` absent lets Nova choose the device.
 */
export async function attachVolume(client: VolumeApi, volume: Ref, server: Ref, mountpoint?: string, o: CallOptions = {}): Promise<VolumeAttachmentData> {
  const volumeId = validate(ref(), volume, "volume");
  const serverId = validate(ref(), server, "server");
  const device = validate(mountpointInput(), mountpoint, "mountpoint");
  const json = { volumeAttachment: { volumeId, ...(device ? { device } : {}) } };
  const body = await notFoundAs(jsonFor(client, { method: "POST", url: attachmentsUrl(client, serverId), json, ...o }, [200, 202], volumeAttachmentBody()), volumeOrServer(volumeId));
  return toVolumeAttachment(body.volumeAttachment, serverId, volumeId);
}

/** DELETE {compute}/servers/{server}/os-volume_attachments/{volume} → 202. */
export async function detachVolume(client: VolumeApi, volume: Ref, server: Ref, o: CallOptions = {}): Promise<void> {
  const volumeId = validate(ref(), volume, "volume");
  const serverId = validate(ref(), server, "server");
  const res = await notFoundAs(sendFor(client, { method: "DELETE", url: attachmentsUrl(client, serverId, `/${encodeSegment(volumeId)}`), ...o }, [202]), volumeOrServer(volumeId));
  await res.dump();
}

/** GET {compute}/servers/{server}/os-volume_attachments: every volume attached to the server. */
export async function listServerAttachments(client: VolumeApi, server: Ref, o: CallOptions = {}): Promise<VolumeAttachmentData[]> {
  const serverId = validate(ref(), server, "server");
  const body = await client.json({ method: "GET", url: attachmentsUrl(client, serverId), ...o }, volumeAttachmentsBody());
  return body.volumeAttachments.map((a) => toVolumeAttachment(a, serverId));
}
