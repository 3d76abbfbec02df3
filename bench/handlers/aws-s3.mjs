// The peer handler: store one object with @aws-sdk/client-s3 (path-style, against the bench's server).
import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";

export async function handler() {
  const client = new S3Client({
    endpoint: process.env.BENCH_URL, region: "us-east-1", forcePathStyle: true,
    credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "bench-secret" },
  });
  await client.send(new PutObjectCommand({ Bucket: "bench", Key: "hello.txt", Body: "hello world", ContentType: "text/plain" }));
}

if (process.env.BENCH_RUN) handler().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
