import { DnsFault } from "./dns-errors";
import { isFqdn, SUPPORTED_TYPES } from "./dns-request";
import { type DomainRec, NAMESERVERS } from "./model";

// BIND 9 zone text for GET /domains/{id}/export and POST /domains/import (dns.md: contentType
// "BIND_9"). The export follows the seed's sample: SOA first, then one line per record, tab-separated.

const abs = (name: string) => (name.endsWith(".") ? name : `${name}.`);
const HOST_TYPES = new Set(["CNAME", "MX", "NS", "SRV", "PTR"]);

export function exportZone(d: DomainRec): string {
  const serial = Math.floor(d.updated / 1000);
  const email = d.emailAddress.replace("@", ".");
  const lines = [`${abs(d.name)}\t${d.ttl}\tIN\tSOA\tns.rackspace.com. ${abs(email)} ${serial} 21600 3600 1814400 500`];
  for (const r of [...d.records.values()].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name))) {
    let data = HOST_TYPES.has(r.type) ? r.data.replace(/(\S+)$/, (h) => abs(h)) : r.data;
    if (r.type === "TXT") data = `"${data.replace(/(["\\])/g, "\\$1")}"`;
    lines.push(`${abs(r.name)}\t${r.ttl}\tIN\t${r.type}\t${r.priority !== undefined ? `${r.priority} ` : ""}${data}`);
  }
  return `${lines.join("\n")}\n`;
}

export interface ParsedZone {
  name: string;
  emailAddress: string;
  ttl: number;
  records: Array<{ name: string; type: string; data: string; ttl: number; priority?: number }>;
}

/** Splits a zone line into fields, keeping quoted strings whole and dropping `;` comments. */
function fields(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[2]?.startsWith(";")) break;
    out.push(m[1] !== undefined ? `"${m[1]}"` : m[2]!);
  }
  return out;
}

/** Reads BIND 9 text: `$ORIGIN`, `$TTL`, `@`, relative names, `[ttl] [IN] TYPE data`. Bad text → 400. */
export function parseZone(text: string): ParsedZone {
  let origin: string | undefined;
  let defaultTtl = 3600;
  let soa: { name: string; email: string; ttl: number } | undefined;
  let last: string | undefined;
  const records: ParsedZone["records"] = [];
  const bad = (why: string) => new DnsFault(400, "Bad Request", `Invalid BIND 9 zone: ${why}`);
  const absolute = (n: string) => {
    if (n === "@") {
      if (!origin) throw bad("@ used before $ORIGIN");
      return origin;
    }
    if (n.endsWith(".")) return n.slice(0, -1).toLowerCase();
    if (!origin) throw bad(`relative name ${n} without $ORIGIN`);
    return `${n}.${origin}`.toLowerCase();
  };
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === "" || raw.trim().startsWith(";")) continue;
    const f = fields(raw);
    if (f.length === 0) continue;
    if (f[0]!.toUpperCase() === "$ORIGIN") {
      origin = absolute(abs(f[1] ?? ""));
      continue;
    }
    if (f[0]!.toUpperCase() === "$TTL") {
      defaultTtl = Number(f[1]);
      continue;
    }
    // A line starting with blank space continues the previous owner.
    const owner = /^\s/.test(raw) ? last : absolute(f.shift()!);
    if (!owner) throw bad("record without an owner name");
    last = owner;
    let ttl = defaultTtl;
    if (/^\d+$/.test(f[0] ?? "")) ttl = Number(f.shift());
    if ((f[0] ?? "").toUpperCase() === "IN") f.shift();
    if (/^\d+$/.test(f[0] ?? "")) ttl = Number(f.shift());
    const type = (f.shift() ?? "").toUpperCase();
    if (type === "SOA") {
      const email = (f[1] ?? "").replace(/\.$/, "").replace(".", "@");
      soa = { name: owner, email, ttl };
      continue;
    }
    if (!SUPPORTED_TYPES.includes(type)) throw bad(`unsupported record type ${type || "(none)"}`);
    let priority: number | undefined;
    if (type === "MX" || type === "SRV") priority = Number(f.shift());
    let data = f.join(" ");
    if (type === "TXT") data = f.map((x) => x.replace(/^"(.*)"$/s, "$1").replace(/\\(["\\])/g, "$1")).join("");
    if (HOST_TYPES.has(type)) data = data.replace(/\.$/, "");
    if (type === "NS" && NAMESERVERS.includes(data)) continue;
    records.push({ name: owner, type, data, ttl: Math.max(300, ttl), ...(priority !== undefined ? { priority } : {}) });
  }
  if (!soa) throw bad("no SOA record");
  if (!isFqdn(soa.name)) throw bad(`${soa.name} is not a domain name`);
  return { name: soa.name, emailAddress: soa.email, ttl: Math.max(300, soa.ttl), records };
}
