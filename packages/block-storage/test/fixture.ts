import { type Canned, serveCanned } from "@rax/test-support";
import { BlockStorage } from "../src/index";

export { type Canned as Fixture, type Seen, TOKEN } from "@rax/test-support";
const NOVA = "/v2/123456";

/**
 * Cinder (v1 by default, or v3) and Nova under one loopback origin. Fixture paths: `/volumes/…` for
 * Cinder, `/nova/servers/…` for Nova.
 */
export const serve = (...fixtures: Canned[]) => serveVersion(1, ...fixtures);

export function serveVersion(version: 1 | 3, ...fixtures: Canned[]) {
  const cinder = `/v${version}/123456`;
  const paths = [[cinder, ""], [NOVA, "/nova"]] as const;
  return serveCanned({ as: "cbs", endpointPath: cinder, paths, makeClient: (s, at) => new BlockStorage(s, { endpoint: at.endpoint, computeEndpoint: `${at.origin}${NOVA}` }) }, fixtures);
}

/** A Cinder v1 volume as `GET /volumes/{id}` returns it. */
export function wireVolume(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "vol-1",
    display_name: "my_fast_volume",
    display_description: "",
    size: 500,
    volume_type: "SSD",
    status: "available",
    availability_zone: "nova",
    created_at: "2012-11-07T20:28:13.000000",
    snapshot_id: null,
    source_volid: null,
    bootable: false,
    attachments: [],
    metadata: {},
    ...over,
  };
}

export function wireSnapshot(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "snap-1",
    display_name: "My Snapshot",
    display_description: "",
    volume_id: "vol-1",
    size: 500,
    status: "available",
    created_at: "2012-11-09T17:17:19.000000",
    "os-extended-snapshot-attributes:progress": "100%",
    ...over,
  };
}

export const TYPES = { volume_types: [{ id: 1, name: "SATA", extra_specs: {} }, { id: 2, name: "SSD", extra_specs: {} }] };
export const notFoundBody = (what: string) => ({ itemNotFound: { code: 404, message: `${what} could not be found.` } });
export const badRequestBody = (message: string) => ({ badRequest: { code: 400, message } });
