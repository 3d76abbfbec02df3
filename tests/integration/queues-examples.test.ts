import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ExampleTarget } from "../../examples/lib/target";
import * as claimMessages from "../../examples/queues/claim-messages";
import * as clientId from "../../examples/queues/client-id";
import * as createQueue from "../../examples/queues/create-queue";
import * as listMessages from "../../examples/queues/list-messages";
import * as listQueues from "../../examples/queues/list-queues";
import * as postMessage from "../../examples/queues/post-message";
import * as refreshClaim from "../../examples/queues/refresh-claim";
import * as releaseClaim from "../../examples/queues/release-claim";
import * as renewClaim from "../../examples/queues/renew-claim";
import { startZaqarTarget } from "./zaqar-target";

// The "Queues" examples against real Zaqar v2: what the docs show must work on a real cloud.
const zaqar = await startZaqarTarget();
const skipReason = zaqar.skipReason;

describe.skipIf(skipReason !== undefined)(`queues examples against real Zaqar v2${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  let target: ExampleTarget;
  beforeAll(() => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const t = zaqar.target!;
    target = { ctx: t.ctx, region: t.region, kind: "cloud", stop: async () => undefined };
  });
  afterAll(async () => {
    await zaqar.close();
    vi.restoreAllMocks();
  });

  it("client-id", async () => {
    expect(await clientId.main(target)).toEqual({ generated: true, set: true, fromEnv: true, refused: "clientId" });
  });
  it("create-queue", async () => {
    expect(await createQueue.main(target)).toEqual({ exists: true, duplicate: true, afterDelete: false });
  });
  it("list-queues", async () => {
    expect(await listQueues.main(target)).toMatchObject({ mine: true });
  });
  it("post-message", async () => {
    expect(await postMessage.main(target)).toEqual({ posted: 4, total: 4, refused: "messages.0.ttl" });
  });
  it("list-messages", async () => {
    expect(await listMessages.main(target)).toEqual({ ownWithoutEcho: 0, ownWithEcho: 30, othersSee: 30, limited: 5, claimedHidden: 10, withClaimed: 30 });
  });
  it("claim-messages (producer and two workers)", async () => {
    const r = await claimMessages.main(target);
    expect([...r.processed].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r).toMatchObject({ nothingLeft: true, remaining: 0 });
  });
  it("renew-claim", async () => {
    expect(await renewClaim.main(target)).toMatchObject({ before: 60, grace: 120 });
  });
  it("refresh-claim", async () => {
    expect(await refreshClaim.main(target)).toEqual({ snapshot: 3, reloaded: 2 });
  });
  it("release-claim", async () => {
    expect(await releaseClaim.main(target)).toEqual({ claimedByOther: false, afterRelease: 2 });
  });
});
