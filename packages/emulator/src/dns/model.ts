import type { EmulatorState } from "../state";
import { perEmulator } from "../per-emulator";

/** How long a Cloud DNS job takes on the emulator's clock (ms); tests shorten or lengthen it. */
export interface DnsTimings {
  /** From the 202 to COMPLETED / ERROR; the first third of it the job reads INITIALIZED. */
  job: number;
}
export const DEFAULT_DNS_TIMINGS: DnsTimings = { job: 300 };

/** dns.md "Rules": at most 500 domains per account and 500 records per domain. */
export const MAX_DOMAINS = 500;
export const MAX_RECORDS = 500;
/** The name servers Cloud DNS puts on every domain (the seed's create output). */
export const NAMESERVERS = ["dns1.stabletransit.com", "dns2.stabletransit.com"];

export interface RecordRec {
  id: string;
  name: string;
  type: string;
  data: string;
  ttl: number;
  priority?: number;
  comment?: string;
  created: number;
  updated: number;
}

export interface DomainRec {
  id: number;
  name: string;
  emailAddress: string;
  ttl: number;
  comment?: string;
  created: number;
  updated: number;
  records: Map<string, RecordRec>;
}

/** What a finished job hands back: its `response`, or its `error`. */
export type JobOutcome = { response?: unknown } | { error: { message: string; code: number; details?: string; failedItems?: { faults: Array<{ message: string; code: number; details?: string }> } } };

export interface JobRec {
  id: string;
  verb: string;
  requestUrl: string;
  /** The original request body, as a string (dns.md: `request`). */
  request: string;
  created: number;
  doneAt: number;
  /** Runs when the job finishes, on the state as it is then. */
  work: () => JobOutcome;
  outcome?: JobOutcome;
}

export interface PtrRec {
  id: string;
  name: string;
  data: string;
  ttl: number;
  comment?: string;
  created: number;
  updated: number;
}

/** One account's Cloud DNS: domains, jobs, PTR records by device URL. */
export class DnsAccount {
  readonly domains = new Map<number, DomainRec>();
  readonly jobs = new Map<string, JobRec>();
  /** device href → its PTR records. */
  readonly ptr = new Map<string, { service: string; records: PtrRec[] }>();

  constructor(
    readonly tenantId: string,
    readonly dns: DnsState,
  ) {}

  get now(): number {
    return this.dns.state.clock.now();
  }

  /** Finishes every job whose time has come, oldest first (so later jobs see earlier ones' work). */
  settle(): void {
    const due = [...this.jobs.values()].filter((j) => !j.outcome && j.doneAt <= this.now).sort((a, b) => a.doneAt - b.doneAt || a.created - b.created);
    for (const j of due) {
      try {
        j.outcome = j.work();
      } catch (e) {
        const status = typeof (e as { status?: unknown }).status === "number" ? (e as { status: number }).status : 500;
        const details = (e as { details?: string }).details;
        j.outcome = { error: { message: e instanceof Error ? e.message : String(e), code: status, ...(details !== undefined ? { details } : {}) } };
      }
    }
  }

  domainByName(name: string): DomainRec | undefined {
    const n = name.toLowerCase();
    for (const d of this.domains.values()) if (d.name === n) return d;
    return undefined;
  }

  /** Domains sorted by name (Cloud DNS lists them alphabetically (inferred)). */
  sortedDomains(): DomainRec[] {
    return [...this.domains.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  }

  newDomainId(): number {
    return this.dns.nextDomainId++;
  }

  newRecordId(type: string): string {
    return `${type}-${this.dns.nextRecordId++}`;
  }
}

export class DnsState {
  readonly timings: DnsTimings = { ...DEFAULT_DNS_TIMINGS };
  private readonly accounts = new Map<string, DnsAccount>();
  nextDomainId = 3534921;
  nextRecordId = 6817754;

  constructor(readonly state: EmulatorState) {}

  account(tenantId: string): DnsAccount {
    let a = this.accounts.get(tenantId);
    if (!a) {
      a = new DnsAccount(tenantId, this);
      this.accounts.set(tenantId, a);
    }
    a.settle();
    return a;
  }
}

/** The Cloud DNS state of an emulator (created on first use). Tests reach it to change `timings`. */
export const dnsState = perEmulator((state): DnsState => new DnsState(state));

/** Cloud DNS's timestamp form: `2012-12-06T20:45:10.000+0000` (the seed's output). */
export function stamp(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+0000");
}
