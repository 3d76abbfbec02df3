import { Networks } from "@rax/networks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emulatorTarget } from "../lib/target";
import * as createNetwork from "./create-network";
import * as defaultNetworks from "./default-networks";
import * as deleteNetwork from "./delete-network";
import * as limitations from "./limitations";
import * as listNetworks from "./list-networks";
import * as serverWithNetwork from "./server-with-network";

// Every "Cloud Networks" example, run against one emulator, checked for what it promises.
describe("networks examples (against @rax/emulator)", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    target = await emulatorTarget();
  });
  afterAll(async () => {
    await target?.stop();
    vi.restoreAllMocks();
  });

  it("default-networks shows PublicNet and ServiceNet with their fixed ids", async () => {
    const r = await defaultNetworks.main(target);
    expect(r.labels).toEqual({ [r.publicId]: "public", [r.serviceNetId]: "private" });
  });

  it("list-networks lists the pseudo networks when none are defined", async () => {
    const r = await listNetworks.main(target);
    expect(r.all).toEqual(["public", "private"]);
    expect(r.firstPage).toEqual(r.all);
  });

  it("create-network creates, finds by label, and refuses a bad CIDR before sending", async () => {
    const r = await createNetwork.main(target);
    expect(r).toMatchObject({ cidr: "192.168.0.0/24", found: true, refused: "network.cidr" });
  });

  it("delete-network deletes by id and by object", async () => {
    expect(await deleteNetwork.main(target)).toEqual({ gone: true });
  });

  it("server-with-network: only the isolated network, + ServiceNet, + both defaults (as the seed shows)", async () => {
    const r = await serverWithNetwork.main(target);
    expect(r.networks).toEqual([[r.label], [r.label, "private"].sort(), [r.label, "private", "public"].sort()]);
  });

  it("limitations: NetworkInUse while a server is attached", async () => {
    expect(await limitations.main(target)).toEqual({ inUse: true, deletedAfter: true });
  });

  it("every example cleaned up its networks", async () => {
    const labels = (await target.ctx.client(Networks, { region: target.region }).networks.list().toArray()).map((n) => n.label);
    expect(labels).toEqual(["public", "private"]);
  });
});
