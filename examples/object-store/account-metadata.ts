// "Setting Account Metadata": arbitrary key/value pairs on the account, for your own use.
import { ObjectStore, type Metadata } from "@rax/object-store";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ afterSet: Metadata; afterRemove: Metadata }> {
  const cf = ctx.client(ObjectStore, { region });

  // Adds to the existing metadata; keys are case-insensitive and come back lower-case.
  await cf.setAccountMetadata({ "example-owner": "quickstart", "example-team": "docs" });
  const afterSet = await cf.getAccountMetadata();
  console.log("After setting:", afterSet["example-owner"], afterSet["example-team"]);

  // `{ clear: true }` would REPLACE all account metadata — including the temp-URL key that makes
  // your temporary URLs work — so this example only removes its own keys.
  await cf.removeAccountMetadataKey("example-owner");
  await cf.removeAccountMetadataKey("example-team");
  const afterRemove = await cf.getAccountMetadata();
  console.log("After removing:", "example-owner" in afterRemove ? "still there?!" : "gone");
  return { afterSet, afterRemove };
}

if (isMain(import.meta.url)) await runStandalone(main);
