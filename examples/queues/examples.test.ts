import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emulatorTarget } from "../lib/target";
import * as claimMessages from "./claim-messages";
import * as clientId from "./client-id";
import * as createQueue from "./create-queue";
import * as listMessages from "./list-messages";
import * as listQueues from "./list-queues";
import * as postMessage from "./post-message";
import * as refreshClaim from "./refresh-claim";
import * as releaseClaim from "./release-claim";
import * as renewClaim from "./renew-claim";

// Every "Queues" example, run against one emulator, checked for what it promises.
describe("queues examples (against @rax/emulator)", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    target = await emulatorTarget();
  });
  afterAll(async () => {
    await target?.stop();
    vi.restoreAllMocks();
  });

  it("client-id: generated, set directly, read from CLOUD_QUEUES_ID; a non-UUID refused", async () => {
    expect(await clientId.main(target)).toEqual({ generated: true, set: true, fromEnv: true, refused: "clientId" });
  });
  it("create-queue: exists after create; a second create is DuplicateQueue; gone after delete", async () => {
    expect(await createQueue.main(target)).toEqual({ exists: true, duplicate: true, afterDelete: false });
  });
  it("list-queues lists the queues just made", async () => {
    expect(await listQueues.main(target)).toEqual({ listed: 3, mine: true });
  });
  it("post-message posts by name, by object and in a batch; a 30 s TTL is refused before sending", async () => {
    expect(await postMessage.main(target)).toEqual({ posted: 4, total: 4, refused: "messages.0.ttl" });
  });
  it("list-messages: echo, another client's view, limit, include_claimed", async () => {
    expect(await listMessages.main(target)).toEqual({ ownWithoutEcho: 0, ownWithEcho: 30, othersSee: 30, limited: 5, claimedHidden: 10, withClaimed: 30 });
  });
  it("claim-messages: two workers process each job exactly once, then nothing is left to claim", async () => {
    const r = await claimMessages.main(target);
    expect([...r.processed].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.byWorker.a! + r.byWorker.b!).toBe(7);
    expect(r.byWorker.a).toBeGreaterThan(0);
    expect(r.byWorker.b).toBeGreaterThan(0);
    expect(r).toMatchObject({ nothingLeft: true, remaining: 0 });
  });
  it("renew-claim raises the claim's TTL", async () => {
    expect(await renewClaim.main(target)).toEqual({ before: 60, after: 600, grace: 120 });
  });
  it("refresh-claim: reload() shows the claim as it is now", async () => {
    expect(await refreshClaim.main(target)).toEqual({ snapshot: 3, reloaded: 2 });
  });
  it("release-claim frees the messages for another worker at once", async () => {
    expect(await releaseClaim.main(target)).toEqual({ claimedByOther: false, afterRelease: 2 });
  });
});
