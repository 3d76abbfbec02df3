// Peers are installed by the bench itself, never as dependencies of the packages.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { PEERS_DIR } from "./paths.mjs";
import { peerVersion } from "./modules.mjs";

/** An AWS SDK v3 client (`@aws-sdk/client-s3`, `@aws-sdk/client-ec2`) in bench/.peers; its version. */
export function ensureAwsSdk(log, pkg = "@aws-sdk/client-s3") {
  if (peerVersion(pkg)) return peerVersion(pkg);
  log(`installing ${pkg} into bench/.peers (npm)…`);
  fs.mkdirSync(PEERS_DIR, { recursive: true });
  execFileSync("npm", ["install", "--prefix", PEERS_DIR, "--no-audit", "--no-fund", "--loglevel=error", pkg], {
    stdio: ["ignore", "inherit", "inherit"],
    timeout: 180_000,
  });
  return peerVersion(pkg);
}

/** The JavaScript Swift clients the swift-peers rows compare with (issue #15). */
export const JS_SWIFT_PEERS = ["@trendyol-js/openstack-swift-sdk", "openstack-swift-client", "pkgcloud"];

/** Installs the JavaScript Swift peers into bench/.peers (npm, no install scripts); their versions. */
export function ensureJsSwiftPeers(log) {
  const missing = JS_SWIFT_PEERS.filter((p) => !peerVersion(p));
  if (missing.length) {
    log(`installing ${missing.join(", ")} into bench/.peers (npm)…`);
    fs.mkdirSync(PEERS_DIR, { recursive: true });
    execFileSync("npm", ["install", "--prefix", PEERS_DIR, "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", ...missing], {
      stdio: ["ignore", "inherit", "inherit"],
      timeout: 300_000,
    });
  }
  return Object.fromEntries(JS_SWIFT_PEERS.map((p) => [p, peerVersion(p)]));
}

const SWIFT = "/usr/bin/swift";

/** python3-swiftclient from Debian; installed when missing and we are root. Returns its version or throws. */
export function ensureSwiftClient(log) {
  if (!fs.existsSync(SWIFT)) {
    if (process.getuid?.() !== 0) throw new Error("python3-swiftclient is not installed and we are not root to apt-get it");
    log("installing python3-swiftclient (apt-get)…");
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "python3-swiftclient"], {
      stdio: ["ignore", "inherit", "inherit"],
      timeout: 300_000,
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
  const out = execFileSync("dpkg-query", ["-W", "-f=${Version}", "python3-swiftclient"], { encoding: "utf8" });
  return out.trim();
}

export const SWIFT_BIN = SWIFT;
export const swiftEnv = () => ({
  // Debian's python only: a venv python earlier in PATH lacks the Debian libs.
  PATH: "/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin",
  LC_ALL: "C.UTF-8",
  HOME: process.env.HOME ?? "/root",
});
