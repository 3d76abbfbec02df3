// A subnet's address range as Neutron computes it from the CIDR it is given (netaddr's
// IPNetwork(cidr).cidr): host bits are cleared (10.0.0.5/24 → 10.0.0.0/24), the default gateway is
// the first address after the network (IPv6: the network address itself, the subnet-router
// anycast), the default pool runs from the next address to the last usable one, and two subnets of
// a network may not overlap at all (not just be equal). Checked against Neutron 21 (Zed) on
// 127.0.0.1: 10.0.0.5/24 → cidr 10.0.0.0/24, gateway 10.0.0.1, pool .2–.254; 10.0.0.77/25 then
// "Requested subnet with cidr: 10.0.0.0/25 … overlaps with another subnet."; fd00:1::5/64 →
// fd00:1::/64, gateway fd00:1::, pool fd00:1::1 – fd00:1::ffff:ffff:ffff:ffff.

export interface SubnetRange {
  version: 4 | 6;
  prefix: number;
  /** The network address, host bits cleared. */
  network: bigint;
  /** Addresses in the range (2^(bits - prefix)). */
  size: bigint;
  /** `network/prefix` as Neutron reports it. */
  cidr: string;
}

const bitsOf = (v: 4 | 6) => (v === 4 ? 32 : 128);

function v4ToBig(addr: string): bigint | undefined {
  const parts = addr.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256n + BigInt(p), 0n);
}

/** WHATWG URL parsing writes an IPv6 address in its canonical compressed form (RFC 5952), dotted tail as hex. */
function canonicalV6(addr: string): string | undefined {
  try {
    return new URL(`http://[${addr}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

function v6ToBig(addr: string): bigint | undefined {
  const canon = canonicalV6(addr);
  if (canon === undefined) return undefined;
  const [head = "", tail] = canon.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(`0x${g}`), 0n);
}

/** An address of the range's family, as Neutron writes it. */
export function addressText(version: 4 | 6, n: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((sh) => String((n >> sh) & 255n)).join(".");
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((sh) => ((n >> sh) & 0xffffn).toString(16));
  return canonicalV6(groups.join(":"))!;
}

/** The range a CIDR names, host bits cleared; undefined when it is not a valid IP subnet. */
export function subnetRange(cidr: unknown): SubnetRange | undefined {
  if (typeof cidr !== "string") return undefined;
  const m = /^([0-9a-fA-F:.]+)\/(\d{1,3})$/.exec(cidr);
  if (!m) return undefined;
  const prefix = Number(m[2]);
  const addr = m[1]!;
  const version: 4 | 6 = addr.includes(":") ? 6 : 4;
  const bits = bitsOf(version);
  if (prefix > bits) return undefined;
  const n = version === 4 ? v4ToBig(addr) : v6ToBig(addr);
  if (n === undefined) return undefined;
  const size = 1n << BigInt(bits - prefix);
  const network = n - (n % size);
  return { version, prefix, network, size, cidr: `${addressText(version, network)}/${prefix}` };
}

/** Any address in both (one range holds the other, as CIDR ranges never partly overlap). */
export function overlaps(a: SubnetRange, b: SubnetRange): boolean {
  if (a.version !== b.version) return false;
  return a.network < b.network + b.size && b.network < a.network + a.size;
}

/** Neutron's default gateway and allocation pool for a range (none when it has no room for hosts). */
export function defaultAddressing(r: SubnetRange): { gateway: string | null; pools: { start: string; end: string }[] } {
  if (r.version === 4) {
    if (r.size < 4n) return { gateway: null, pools: [] };
    return { gateway: addressText(4, r.network + 1n), pools: [{ start: addressText(4, r.network + 2n), end: addressText(4, r.network + r.size - 2n) }] };
  }
  if (r.size < 2n) return { gateway: null, pools: [] };
  return { gateway: addressText(6, r.network), pools: [{ start: addressText(6, r.network + 1n), end: addressText(6, r.network + r.size - 1n) }] };
}
