// "Additional Parameters to Create()": meta (≤ 5 string pairs), files (≤ 5), key_name.
import { Compute } from "@rax/compute";
import { ValidationError } from "@rax/core";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { chooseImageAndFlavor, pollEvery } from "./choose";

export async function main(target: ExampleTarget) {
  const cs = target.ctx.client(Compute, { region: target.region });
  const { image, flavor } = await chooseImageAndFlavor(cs);
  const key = await cs.keypairs.create(exampleName("key"));

  const meta = { test_key: "test_value", meaning_of_life: "42" };
  const content = "This is the contents of the text file.\nIt has several lines of text.\n\nAnd it even has a blank line.";
  const files = { "/root/testfile": content };
  const server = await cs.servers.create({ name: exampleName("meta_server"), image, flavor, meta, files, keyName: key.name });
  const built = await server.waitFor("ACTIVE", { interval: pollEvery(target) });
  console.log("metadata:", built.metadata, "key:", built.keyName);

  // Bad input never reaches the cloud: numbers are not metadata, and six pairs are too many.
  let refused = "";
  try {
    await cs.servers.create({ name: "x", image, flavor, meta: { meaning_of_life: 42 as unknown as string } });
  } catch (e) {
    if (e instanceof ValidationError) refused = e.field;
  }
  console.log("refused:", refused);

  await built.delete();
  await key.delete();
  return { metadata: built.metadata, keyName: built.keyName, refused };
}

if (isMain(import.meta.url)) await runStandalone(main);
