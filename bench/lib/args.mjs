// Command-line flags, each with a RAX_BENCH_* environment twin (flag wins). `--` is ignored so that
// both `pnpm bench --quick` and `pnpm bench -- --quick` work.

const DEFAULTS = {
  full: {
    requests: 20_000, concurrency: [1, 32], uploadMib: 1024, largeMib: 1024, segmentMib: 100,
    files: 2000, changed: 20, rttMs: 40, coldRuns: 15, caseTimeoutS: 900, rounds: 3, servers: 1000, pageSize: 100, objects: 10_000,
  },
  quick: {
    requests: 2_000, concurrency: [1, 32], uploadMib: 128, largeMib: 32, segmentMib: 8,
    files: 100, changed: 20, rttMs: 40, coldRuns: 5, caseTimeoutS: 90, rounds: 1, servers: 200, pageSize: 100, objects: 10_000,
  },
};

const HELP = `usage: node bench/run.mjs [--quick] [--only=a,b] [--skip=a,b] [options]

  --quick              small sizes, < 2 minutes; CI runs this
  --only=LIST          run only these benchmarks (small-calls, upload-stream, large-object,
                       folder, bundle, cold-start, compute-list, cold-start-auth,
                       warm-invocation, queues-throughput, listing, swift-peers)
  --skip=LIST          skip these benchmarks
  --no-servers         skip the rows that need real OpenStack servers
  --keep-servers       leave servers this run started running afterwards
  --requests=N         small-calls requests per run            (RAX_BENCH_REQUESTS)
  --concurrency=A,B    small-calls concurrencies               (RAX_BENCH_CONCURRENCY)
  --upload-mib=N       upload-stream size in MiB               (RAX_BENCH_UPLOAD_MIB)
  --large-mib=N        large-object size in MiB                (RAX_BENCH_LARGE_MIB)
  --segment-mib=N      large-object segment size in MiB        (RAX_BENCH_SEGMENT_MIB)
  --files=N            folder-upload file count                (RAX_BENCH_FILES)
  --changed=N          folder-sync files changed               (RAX_BENCH_CHANGED)
  --rtt-ms=N           folder-upload-rtt: added round trip, ms  (RAX_BENCH_RTT_MS)
  --cold-runs=N        cold-start runs per bundle              (RAX_BENCH_COLD_RUNS)
  --servers=N          compute-list: servers in the emulator     (RAX_BENCH_SERVERS)
  --page-size=N        compute-list: limit per page            (RAX_BENCH_PAGE_SIZE)
  --objects=N          listing: objects in the container         (RAX_BENCH_OBJECTS)
  --rounds=N           small-calls/upload-stream: alternate raw and rax N times, keep
                       each side's best round (noisy shared machines) (RAX_BENCH_ROUNDS)
  --case-timeout=S     wall-clock bound per benchmark, seconds (RAX_BENCH_CASE_TIMEOUT)
  --out=NAME           write bench/results/NAME.{md,json}; default latest (a quick or
                       noisy run belongs in another file than the last full run)
  --profile            write --cpu-prof profiles of the rax client children to bench/.work/prof
`;

const NUMERIC = {
  requests: "requests", "upload-mib": "uploadMib", "large-mib": "largeMib", "segment-mib": "segmentMib",
  files: "files", changed: "changed", "rtt-ms": "rttMs", servers: "servers", "page-size": "pageSize", objects: "objects", rounds: "rounds", "cold-runs": "coldRuns", "case-timeout": "caseTimeoutS",
};

function envName(flag) {
  return `RAX_BENCH_${flag.replace(/-/g, "_").toUpperCase()}`;
}

export function parseArgs(argv, env = process.env) {
  const flags = new Map();
  for (const a of argv) {
    if (a === "--") continue;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${JSON.stringify(a)}\n\n${HELP}`);
    flags.set(m[1], m[2] ?? true);
  }
  if (flags.has("help")) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const quick = flags.has("quick") || env.RAX_BENCH_QUICK === "1";
  const opts = { ...DEFAULTS[quick ? "quick" : "full"], quick };
  for (const [flag, key] of Object.entries(NUMERIC)) {
    const raw = flags.get(flag) ?? env[envName(flag)];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${flag} must be a positive number, got ${raw}`);
    opts[key] = n;
  }
  const conc = flags.get("concurrency") ?? env.RAX_BENCH_CONCURRENCY;
  if (conc !== undefined) {
    opts.concurrency = String(conc).split(",").map(Number);
    if (opts.concurrency.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--concurrency: ${conc}`);
  }
  const list = (name) => {
    const v = flags.get(name) ?? env[envName(name)];
    return v ? String(v).split(",").filter(Boolean) : undefined;
  };
  opts.only = list("only");
  opts.skip = list("skip") ?? [];
  opts.noServers = flags.has("no-servers") || env.RAX_BENCH_NO_SERVERS === "1";
  opts.keepServers = flags.has("keep-servers") || env.RAX_BENCH_KEEP_SERVERS === "1";
  opts.profile = flags.has("profile") || env.RAX_BENCH_PROFILE === "1";
  opts.out = flags.get("out") ?? env.RAX_BENCH_OUT ?? "latest";
  if (typeof opts.out !== "string" || !/^[A-Za-z0-9._-]+$/.test(opts.out)) throw new Error(`--out: a file name without a directory, got ${opts.out}`);
  for (const k of flags.keys()) {
    if (!["quick", "only", "skip", "no-servers", "keep-servers", "profile", "concurrency", "out", ...Object.keys(NUMERIC)].includes(k)) {
      throw new Error(`unknown flag --${k}\n\n${HELP}`);
    }
  }
  return opts;
}
