import { randomUUID } from "node:crypto";
import { perEmulator } from "../per-emulator";
import type { EmulatorState } from "../state";

/**
 * How long Designate takes to push a change to its name servers, on the emulator's clock (ms).
 * Real Designate 15 (DIFFERENCES.md "Cloud DNS: Designate"): ~1 s PENDING → ACTIVE, ~13 s before a
 * deleted zone is gone; shorter here, and tests move the clock instead of waiting.
 */
export interface DesignateTimings {
  change: number;
  delete: number;
}
export const DEFAULT_DESIGNATE_TIMINGS: DesignateTimings = { change: 1000, delete: 2000 };

/** Designate's default pool and its one name server, as devstack configures them. */
export const DEFAULT_POOL_ID = "794ccc2c-d751-44fe-b57f-8894c9f5c842";
export const POOL_NAMESERVER = "ns1.devstack.org.";
/** conf/base.py defaults: zone TTL and the SOA timers. */
export const DEFAULT_TTL = 3600;
export const SOA_TIMERS = { refresh: 3600, retry: 600, expire: 86400, minimum: 3600 };

/** PENDING until `until`, then ACTIVE with action NONE (or gone, for DELETE). */
export interface Progress {
  status: "PENDING" | "ACTIVE";
  action: "CREATE" | "UPDATE" | "DELETE" | "NONE";
  until: number;
  version: number;
  created: number;
  updated: number | null;
}

export interface RecordsetRec extends Progress {
  id: string;
  name: string;
  type: string;
  records: string[];
  ttl: number | null;
  description: string | null;
  /** SOA and the apex NS: Designate writes them itself and refuses changes to them. */
  managed: boolean;
}

export interface ZoneRec extends Progress {
  id: string;
  projectId: string;
  name: string;
  email: string;
  ttl: number;
  description: string | null;
  serial: number;
  recordsets: Map<string, RecordsetRec>;
}

/** Every project's zones (zone names are unique across the whole Designate, as in its database). */
export class DesignateState {
  readonly timings: DesignateTimings = { ...DEFAULT_DESIGNATE_TIMINGS };
  readonly zones = new Map<string, ZoneRec>();

  constructor(readonly state: EmulatorState) {}

  get now(): number {
    return this.state.clock.now();
  }

  /** Applies whatever has finished by now: PENDING → ACTIVE, and deletions take effect. */
  settle(): void {
    const now = this.now;
    for (const z of [...this.zones.values()]) {
      if (z.status === "PENDING" && z.until <= now && z.action === "DELETE") {
        this.zones.delete(z.id);
        continue;
      }
      for (const rs of [...z.recordsets.values()]) {
        if (rs.status !== "PENDING" || rs.until > now) continue;
        if (rs.action === "DELETE") z.recordsets.delete(rs.id);
        else this.finish(rs);
      }
      if (z.status === "PENDING" && z.until <= now) this.finish(z);
    }
  }

  projectZones(projectId: string): ZoneRec[] {
    this.settle();
    return [...this.zones.values()].filter((z) => z.projectId === projectId).sort(byCreatedThenId);
  }

  zone(projectId: string, id: string): ZoneRec | undefined {
    this.settle();
    const z = this.zones.get(id);
    return z && z.projectId === projectId ? z : undefined;
  }

  zoneNamed(name: string): ZoneRec | undefined {
    for (const z of this.zones.values()) if (z.name === name) return z;
    return undefined;
  }

  /** A new zone, PENDING CREATE, with the SOA and apex NS recordsets Designate creates for it. */
  addZone(projectId: string, init: { name: string; email: string; ttl: number; description: string | null }): ZoneRec {
    const now = this.now;
    const z: ZoneRec = { id: randomUUID(), projectId, ...init, serial: Math.floor(now / 1000), recordsets: new Map(), ...this.pending("CREATE", now) };
    this.zones.set(z.id, z);
    this.addRecordset(z, { name: z.name, type: "SOA", records: [soaOf(z)], ttl: null, description: null, managed: true });
    this.addRecordset(z, { name: z.name, type: "NS", records: [POOL_NAMESERVER], ttl: null, description: null, managed: true });
    return z;
  }

  addRecordset(z: ZoneRec, init: Omit<RecordsetRec, "id" | keyof Progress>): RecordsetRec {
    const rs: RecordsetRec = { id: randomUUID(), ...init, ...this.pending("CREATE", this.now) };
    z.recordsets.set(rs.id, rs);
    return rs;
  }

  /** Marks a zone or recordset as changing (PENDING `action`, version + 1). */
  change(x: Progress, action: "UPDATE" | "DELETE"): void {
    const now = this.now;
    x.status = "PENDING";
    x.action = action;
    x.until = now + (action === "DELETE" ? this.timings.delete : this.timings.change);
    x.version += 1;
    x.updated = now;
  }

  /**
   * A change inside the zone: a new serial (and SOA record), and the zone PENDING UPDATE while it is pushed,
   * as central's `increment_serial` does.
   */
  touch(z: ZoneRec): void {
    if (z.action !== "DELETE") {
      const wasCreating = z.status === "PENDING" && z.action === "CREATE";
      if (!wasCreating) this.change(z, "UPDATE");
    }
    z.serial = Math.max(z.serial + 1, Math.floor(this.now / 1000));
    for (const rs of z.recordsets.values()) if (rs.type === "SOA") rs.records = [soaOf(z)];
  }

  /** Done: ACTIVE, action NONE. */
  finish(x: Progress): void {
    x.status = "ACTIVE";
    x.action = "NONE";
  }

  private pending(action: "CREATE", now: number): Progress {
    return { status: "PENDING", action, until: now + this.timings.change, version: 1, created: now, updated: null };
  }
}


/** central's `_build_soa_record`: primary NS, the email as a name, serial and the timers. */
function soaOf(z: ZoneRec): string {
  const t = SOA_TIMERS;
  return `${POOL_NAMESERVER} ${z.email.replace("@", ".")}. ${z.serial} ${t.refresh} ${t.retry} ${t.expire} ${t.minimum}`;
}

/** The Designate state of an emulator (created on first use). Tests reach it to change `timings`. */
export const designateState = perEmulator((state): DesignateState => new DesignateState(state));

/**
 * Designate's listing order: `created_at` (whole seconds, as it stores them), then id — so rows made in
 * the same second come in id order, not creation order (its SOA and NS among them).
 */
export function byCreatedThenId(a: { created: number; id: string }, b: { created: number; id: string }): number {
  return Math.floor(a.created / 1000) - Math.floor(b.created / 1000) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
