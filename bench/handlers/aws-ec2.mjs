// The peer compute handler: one call, DescribeInstances with @aws-sdk/client-ec2.
import { EC2Client, DescribeInstancesCommand } from "@aws-sdk/client-ec2";

export async function handler() {
  const client = new EC2Client({
    endpoint: process.env.BENCH_URL, region: "us-east-1",
    credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "bench-secret" },
  });
  const out = await client.send(new DescribeInstancesCommand({}));
  return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => ({ id: i.InstanceId, state: i.State?.Name }));
}

if (process.env.BENCH_RUN) handler().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
