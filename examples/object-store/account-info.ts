// "General Account Information": how much of Cloud Files this account uses.
import { ObjectStore, type AccountInfo } from "@rax/object-store";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<AccountInfo> {
  const cf = ctx.client(ObjectStore, { region });
  // One HEAD on the account: container and object counts, bytes used, and the account metadata.
  const info = await cf.getAccountDetails();
  console.log(`Containers: ${info.containerCount}, objects: ${info.objectCount}, bytes used: ${info.bytesUsed}`);
  console.log("Account metadata keys:", Object.keys(info.metadata).filter((k) => !k.startsWith("temp-url-key")));
  return info;
}

if (isMain(import.meta.url)) await runStandalone(main);
