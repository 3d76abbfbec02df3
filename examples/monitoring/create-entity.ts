// "Create an Entity": a label, IP addresses by alias, optional metadata.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { cleanUp, exampleEntity, monitoring } from "./setup";

export async function main(target: ExampleTarget): Promise<{ aliases: string[]; metadata: Record<string, string>; listed: boolean; refused?: string }> {
  // pyrax: ent = cm.create_entity(name="sample_entity", ip_addresses={"example": "1.2.34"}, metadata={"description": "Just a test entity"})
  // ("1.2.34" in the seed is not an IP address: rax refuses it before sending, so this uses a real one.)
  const ent = await exampleEntity(target);
  console.log("Entity:", ent);
  const listed = (await monitoring(target).entities.list().toArray()).some((e) => e.id === ent.id);
  let refused: string | undefined;
  try {
    await monitoring(target).entities.create({ name: "bad", ipAddresses: { example: "1.2.34" } });
  } catch (e) {
    refused = (e as { field?: string }).field;
    console.log("refused before sending:", (e as Error).message);
  }
  await cleanUp(ent);
  return { aliases: Object.keys(ent.ipAddresses), metadata: ent.metadata, listed, ...(refused ? { refused } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
