// "Sharing an Image": add a member (a project id), list members, and remove it. The member answers
// with imgs.members.update(image, "accepted" | "rejected") from its own account.
import { Images } from "@rax/images";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget, projectId = "12345abc"): Promise<{ status: string; members: string[]; after: string[] }> {
  const imgs = ctx.client(Images, { region });
  const img = await imgs.images.create({ name: exampleName("shared"), visibility: "shared" });
  // pyrax: imgs.add_image_member(img, "12345abc")
  const member = await imgs.members.add(img, projectId);
  console.log(`shared ${img.name} with ${member.memberId}: ${member.status}`);
  const members = (await imgs.members.list(img)).map((m) => m.memberId);
  // pyrax: img.delete_member(project_id)
  await imgs.members.remove(img, projectId);
  const after = (await imgs.members.list(img)).map((m) => m.memberId);
  await img.delete();
  return { status: member.status, members, after };
}

if (isMain(import.meta.url)) await runStandalone(main);
