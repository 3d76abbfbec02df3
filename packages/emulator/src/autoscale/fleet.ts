import { randomBytes } from "node:crypto";
import { computeState, type RegionCompute, type ServerRecord } from "../compute/model";
import { PUBLIC_NET, SERVICE_NET } from "../compute/seed-data";
import type { EmulatorState } from "../state";

// A group's servers live in the emulator's Nova (compute/model.ts), so `compute.servers.list()`
// shows them building, going ACTIVE and being deleted, as Otter's servers show in Nova.

/** The server part of a launch configuration, as stored (Otter's `args.server`). */
export interface ServerArgs {
  name: string;
  flavorRef: string;
  imageRef: string;
  metadata: Record<string, string>;
  networks?: Array<{ uuid: string }>;
  "OS-DCF:diskConfig"?: string;
  key_name?: string;
  config_drive?: boolean;
  personality?: Array<{ path: string; contents: string }>;
  user_data?: string;
}

export function novaRegion(state: EmulatorState, region: string): RegionCompute {
  return computeState(state).region(region);
}

/**
 * Builds one server for the group (status BUILD → ACTIVE after compute's build timing). Its name is
 * the launch name with Otter's prefix, `as` + 8 hex digits + `-` (the seed: "as5defddd4-testgroup").
 */
export function launchServer(nova: RegionCompute, tenantId: string, userId: string, groupId: string, args: ServerArgs): ServerRecord {
  return nova.launch(
    {
      name: `as${randomBytes(4).toString("hex")}-${args.name}`,
      tenantId,
      userId,
      imageId: args.imageRef,
      flavorId: args.flavorRef,
      // Otter tags each server with its group (rax:auto_scaling_group_id) so Nova listings tell them apart.
      metadata: { ...args.metadata, "rax:auto_scaling_group_id": groupId },
      keyName: args.key_name ?? null,
      diskConfig: args["OS-DCF:diskConfig"] === "MANUAL" ? "MANUAL" : "AUTO",
      configDrive: args.config_drive === true,
      availabilityZone: "nova",
      securityGroups: [{ name: "default" }],
    },
    args.networks?.map((n) => n.uuid) ?? [PUBLIC_NET, SERVICE_NET],
    nova.compute.timings.build,
    { status: "ACTIVE", vmState: "active" },
  );
}

/** Deletes a group's server the way Nova's DELETE does: "deleting" for compute's delete timing, then gone. */
export function removeServer(nova: RegionCompute, server: ServerRecord): void {
  if (server.deletedAt !== undefined) return;
  const now = nova.now;
  server.deletedAt = now;
  server.goneAt = now + nova.compute.timings.delete;
  server.updated = now;
  server.pending = undefined;
}
