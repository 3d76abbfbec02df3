// "Client ID": every client has a Client-ID, a UUID in canonical form. Set it directly
// (pyrax `pq.client_id = my_client_id`), or export CLOUD_QUEUES_ID; with neither, rax makes one.
import { randomUUID } from "node:crypto";
import { Queues } from "@rax/queues";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main(target: ExampleTarget): Promise<{ generated: boolean; set: boolean; fromEnv: boolean; refused: string }> {
  // pyrax: pq = pyrax.queues
  const pq = target.ctx.client(Queues, { region: target.region });
  const generated = /^[0-9a-f-]{36}$/.test(pq.clientId ?? "");

  const myClientId = randomUUID(); // Python: str(uuid.uuid4())
  pq.clientId = myClientId;

  // export CLOUD_QUEUES_ID='3381af92-2b9e-11e3-b191-71861300734c'
  const fromEnv = target.ctx.client(Queues, { region: target.region, env: { CLOUD_QUEUES_ID: "3381af92-2b9e-11e3-b191-71861300734c" } });

  let refused = "";
  try {
    pq.clientId = "not-a-uuid";
  } catch (e) {
    refused = (e as { field: string }).field;
  }
  console.log(`client id ${pq.clientId}; from CLOUD_QUEUES_ID: ${fromEnv.clientId}`);
  return { generated, set: pq.clientId === myClientId, fromEnv: fromEnv.clientId === "3381af92-2b9e-11e3-b191-71861300734c", refused };
}

if (isMain(import.meta.url)) await runStandalone(main);
