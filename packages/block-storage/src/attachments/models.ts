import { lazy } from "@rax/core";
import * as z from "zod/mini";

export const wireVolumeAttachment = lazy(() => z.looseObject({
  id: z.optional(z.string()),
  serverId: z.optional(z.string()),
  volumeId: z.optional(z.string()),
  device: z.nullish(z.string()),
}));
export const volumeAttachmentBody = lazy(() => z.looseObject({ volumeAttachment: wireVolumeAttachment() }));
export const volumeAttachmentsBody = lazy(() => z.looseObject({ volumeAttachments: z.array(wireVolumeAttachment()) }));

/** One volume attached to a server, as Nova reports it. */
export interface VolumeAttachmentData {
  /** Nova's attachment id (the volume's id). */
  id: string;
  serverId: string;
  volumeId: string;
  device?: string;
  raw: Record<string, unknown>;
}

export function toVolumeAttachment(w: z.output<ReturnType<typeof wireVolumeAttachment>>, serverId: string, volumeId = ""): VolumeAttachmentData {
  return {
    id: w.id ?? w.volumeId ?? volumeId,
    serverId: w.serverId ?? serverId,
    volumeId: w.volumeId ?? volumeId,
    ...(w.device ? { device: w.device } : {}),
    raw: { ...w },
  };
}

/** A device path such as `/dev/xvdb`; absent = Nova picks one. */
export const mountpointInput = lazy(() => z.optional(z.string().check(z.regex(/^\/dev\/[A-Za-z0-9/_-]+$/, "must be a device path such as /dev/xvdb"))));
