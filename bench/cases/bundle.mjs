// bundle: esbuild's DEFAULT settings and an ESM-first build of three one-object handlers, and of a
// one-call compute handler on each side.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { BENCH_DIR, REPO_DIR, PEERS_DIR, WORK_DIR } from "../lib/paths.mjs";
import { ensureAwsSdk } from "../lib/peers.mjs";
import { row, skipped, failed } from "../lib/rows.mjs";
import { missingExports, raxVersion } from "../lib/modules.mjs";

export const name = "bundle";

export const HANDLERS = {
  aws: "aws-s3.mjs",
  rax: "rax-object-store.mjs",
  sdk: "rax-sdk.mjs",
  // One-call compute handlers (list servers / DescribeInstances): bundle rows only, no cold start.
  awsEc2: "aws-ec2.mjs",
  raxCompute: "rax-compute.mjs",
};

// esbuild's ESM output cannot require() Node built-ins from bundled CommonJS (undici for rax, parts
// of the AWS SDK's dependencies): "Dynamic require of "node:…" is not supported" at run time. The
// standard fix, documented in @rax/core's README, is this banner; both sides get it.
export const ESM_REQUIRE_BANNER = 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);';

// Only the minimum on top of esbuild's defaults; `esm` is what an ESM-first user would add.
export const SETTINGS = {
  default: { bundle: true, platform: "node", minify: true, ext: ".cjs" },
  esm: { bundle: true, platform: "node", minify: true, format: "esm", mainFields: ["module", "main"], banner: { js: ESM_REQUIRE_BANNER }, ext: ".mjs" },
};

const rootRequire = createRequire(path.join(REPO_DIR, "package.json"));

async function build(esbuild, handler, setting) {
  const { ext, ...options } = SETTINGS[setting];
  const outfile = path.join(WORK_DIR, "bundles", `${handler}-${setting}${ext}`);
  const result = await esbuild.build({
    ...options,
    entryPoints: [path.join(BENCH_DIR, "handlers", HANDLERS[handler])],
    outfile,
    // bench/ is no workspace package: @rax/* resolve through the examples workspace's links, peers
    // through bench/.peers.
    nodePaths: [path.join(REPO_DIR, "examples", "node_modules"), path.join(PEERS_DIR, "node_modules")],
    logLevel: "silent",
    metafile: true,
  });
  const code = fs.readFileSync(outfile);
  const inputs = Object.entries(result.metafile.outputs[path.relative(process.cwd(), outfile)]?.inputs ?? {});
  const byPackage = {};
  // The biggest files by name (`undici/lib/llhttp/llhttp-wasm.js`, `zod/v4/core/schemas.js`), for
  // the next cut.
  const byFile = {};
  for (const [file, { bytesInOutput }] of inputs) {
    const short = file.replace(/.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, "").replace(/^(?:\.\.\/)*(?:packages\/)?/, "");
    byFile[short] = (byFile[short] ?? 0) + bytesInOutput;
    // The last node_modules segment names the package (pnpm nests them under node_modules/.pnpm/…).
    const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file) ?? /packages\/([^/]+)\//.exec(file);
    const key = m ? m[1] : "other";
    byPackage[key] = (byPackage[key] ?? 0) + bytesInOutput;
  }
  return { file: outfile, min: code.length, gzip: zlib.gzipSync(code).length, byPackage, topFiles: top(byFile, 12) };
}

export async function run({ opts, log, shared }) {
  const esbuild = await import(rootRequire.resolve("esbuild"));
  const awsVersion = ensureAwsSdk(log);
  const missing = [
    ...(await missingExports("identity", ["KeystoneIdentity"])),
    ...(await missingExports("object-store", ["ObjectStore"])),
  ];
  const sdkMissing = await missingExports("sdk", ["KeystoneIdentity", "ObjectStore"]);
  fs.mkdirSync(path.join(WORK_DIR, "bundles"), { recursive: true });
  shared.bundles = {};
  const rows = [];
  for (const setting of Object.keys(SETTINGS)) {
    const suffix = setting === "default" ? "" : "-esm";
    const params = { esbuild: esbuild.version, settings: describe(setting), gzip: "zlib default level", "@aws-sdk/client-s3": awsVersion };
    let aws;
    try {
      aws = await build(esbuild, "aws", setting);
    } catch (e) {
      rows.push(failed(`bundle${suffix}`, e));
      continue;
    }
    shared.bundles[`aws-${setting}`] = aws.file;
    log(`bundle${suffix}: aws ${aws.min} B min, ${aws.gzip} B gz`);
    let rax;
    if (missing.length) {
      const reason = `rax API not available yet: ${missing.join(", ")}`;
      rows.push(skipped(`bundle${suffix}-min`, reason, { baseline: aws.min, baselineName: "@aws-sdk/client-s3 handler", unit: "bytes" }));
      rows.push(skipped(`bundle${suffix}-gzip`, reason, { baseline: aws.gzip, baselineName: "@aws-sdk/client-s3 handler", unit: "bytes" }));
    } else {
      try {
        rax = await build(esbuild, "rax", setting);
        shared.bundles[`rax-${setting}`] = rax.file;
        log(`bundle${suffix}: rax ${rax.min} B min, ${rax.gzip} B gz ${JSON.stringify(rax.byPackage)}`);
        const p = { ...params, rax: raxVersion("object-store") };
        const extra = { raxByPackage: rax.byPackage, raxTopFiles: rax.topFiles, awsTop: top(aws.byPackage, 5) };
        rows.push(row({ id: `bundle${suffix}-min`, unit: "bytes", rax: rax.min, baseline: aws.min, baselineName: "@aws-sdk/client-s3 handler", better: "lower", goal: { ratio: ["<=", 0.75] }, params: p, extra }));
        rows.push(row({ id: `bundle${suffix}-gzip`, unit: "bytes", rax: rax.gzip, baseline: aws.gzip, baselineName: "@aws-sdk/client-s3 handler", better: "lower", goal: { ratio: ["<=", 0.75] }, params: p }));
      } catch (e) {
        rows.push(failed(`bundle${suffix}-min`, e));
      }
    }
    if (!rax) {
      rows.push(skipped(`bundle-sdk${suffix}-gzip`, "needs the @rax/object-store handler first"));
      continue;
    }
    if (sdkMissing.length) {
      rows.push(skipped(`bundle-sdk${suffix}-gzip`, `rax API not available yet: ${sdkMissing.join(", ")}`));
      continue;
    }
    try {
      const sdk = await build(esbuild, "sdk", setting);
      shared.bundles[`sdk-${setting}`] = sdk.file;
      log(`bundle-sdk${suffix}: ${sdk.min} B min, ${sdk.gzip} B gz`);
      const p = { ...params, rax: raxVersion("sdk") };
      const extra = { sdkByPackage: sdk.byPackage };
      rows.push(row({ id: `bundle-sdk${suffix}-min`, unit: "bytes", rax: sdk.min, baseline: rax.min, baselineName: "same handler via @rax/object-store + @rax/identity", better: "lower", goal: { ratio: ["<=", 1.1] }, params: p, extra }));
      rows.push(row({ id: `bundle-sdk${suffix}-gzip`, unit: "bytes", rax: sdk.gzip, baseline: rax.gzip, baselineName: "same handler via @rax/object-store + @rax/identity", better: "lower", goal: { ratio: ["<=", 1.1] }, params: p }));
    } catch (e) {
      rows.push(failed(`bundle-sdk${suffix}-min`, e));
    }
  }
  rows.push(...(await computeRows(esbuild, log)));
  return rows;
}

/** `bundle-compute[-esm]-{min,gzip}`: list servers with @rax/compute vs DescribeInstances with @aws-sdk/client-ec2. */
async function computeRows(esbuild, log) {
  const rows = [];
  let ec2Version;
  try {
    ec2Version = ensureAwsSdk(log, "@aws-sdk/client-ec2");
  } catch (e) {
    return [failed("bundle-compute", e)];
  }
  const missing = [
    ...(await missingExports("identity", ["KeystoneIdentity"])),
    ...(await missingExports("compute", ["Compute"])),
  ];
  const baselineName = "@aws-sdk/client-ec2 handler (DescribeInstances)";
  for (const setting of Object.keys(SETTINGS)) {
    const id = `bundle-compute${setting === "default" ? "" : "-esm"}`;
    const params = { esbuild: esbuild.version, settings: describe(setting), gzip: "zlib default level", "@aws-sdk/client-ec2": ec2Version, rax: raxVersion("compute") };
    try {
      const aws = await build(esbuild, "awsEc2", setting);
      log(`${id}: aws ec2 ${aws.min} B min, ${aws.gzip} B gz`);
      if (missing.length) {
        const reason = `rax API not available yet: ${missing.join(", ")}`;
        rows.push(skipped(`${id}-min`, reason, { baseline: aws.min, baselineName, unit: "bytes" }));
        rows.push(skipped(`${id}-gzip`, reason, { baseline: aws.gzip, baselineName, unit: "bytes" }));
        continue;
      }
      const rax = await build(esbuild, "raxCompute", setting);
      log(`${id}: rax ${rax.min} B min, ${rax.gzip} B gz ${JSON.stringify(rax.byPackage)}`);
      const extra = { raxByPackage: rax.byPackage, awsTop: top(aws.byPackage, 5) };
      rows.push(row({ id: `${id}-min`, unit: "bytes", rax: rax.min, baseline: aws.min, baselineName, better: "lower", goal: { ratio: ["<=", 0.75] }, params, extra }));
      rows.push(row({ id: `${id}-gzip`, unit: "bytes", rax: rax.gzip, baseline: aws.gzip, baselineName, better: "lower", goal: { ratio: ["<=", 0.75] }, params }));
    } catch (e) {
      rows.push(failed(`${id}-min`, e));
    }
  }
  return rows;
}

function describe(setting) {
  const { ext, ...o } = SETTINGS[setting];
  const banner = o.banner ? ` '--banner:js=${o.banner.js}' (same for rax and AWS)` : "";
  return `esbuild --bundle --platform=node --minify${o.format ? ` --format=${o.format}` : ""}${o.mainFields ? ` --main-fields=${o.mainFields.join(",")}` : ""}${banner}`;
}

function top(byPackage, n) {
  return Object.fromEntries(Object.entries(byPackage).sort((a, b) => b[1] - a[1]).slice(0, n));
}
