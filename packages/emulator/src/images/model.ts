import { randomUUID } from "node:crypto";
import { BASE_IMAGES } from "../compute/seed-data";
import type { EmulatorState } from "../state";
import { perEmulator } from "../per-emulator";

/** How long (ms of the emulator's clock) a task stays in each state. Tests may change them. */
export interface GlanceTimings {
  taskPending: number;
  taskProcessing: number;
}
export const DEFAULT_GLANCE_TIMINGS: GlanceTimings = { taskPending: 300, taskProcessing: 700 };

export interface ImageRecord {
  id: string;
  name: string | null;
  owner: string;
  status: string;
  visibility: "public" | "private" | "shared" | "community";
  protected: boolean;
  diskFormat: string | null;
  containerFormat: string | null;
  minDisk: number;
  minRam: number;
  tags: Set<string>;
  /** Custom properties, by name (string values, as Glance stores them). */
  props: Map<string, unknown>;
  data?: Buffer;
  checksum: string | null;
  sha512?: string;
  created: number;
  updated: number;
  /** project id → membership. */
  members: Map<string, MemberRecord>;
}

export interface MemberRecord {
  memberId: string;
  status: "pending" | "accepted" | "rejected";
  created: number;
  updated: number;
}

export interface TaskRecord {
  id: string;
  type: "import" | "export";
  owner: string;
  input: Record<string, unknown>;
  created: number;
  /** Decided when the task was made; applied when it finishes. */
  outcome: { ok: true; apply: () => Record<string, unknown> } | { ok: false; message: string };
  result: Record<string, unknown> | null;
  message: string;
  finished: boolean;
}

/** One region's Glance. Rackspace's base images are public images here, as in Cloud Images. */
export class RegionImages {
  readonly images = new Map<string, ImageRecord>();
  readonly tasks = new Map<string, TaskRecord>();

  constructor(private readonly glance: GlanceState) {
    for (const b of BASE_IMAGES)
      this.images.set(b.id, {
        id: b.id,
        name: b.name,
        owner: "rackspace",
        status: "active",
        visibility: "public",
        protected: false,
        diskFormat: "vhd",
        containerFormat: "ovf",
        minDisk: b.minDisk,
        minRam: b.minRam,
        tags: new Set(),
        props: new Map<string, unknown>([
          ["os_type", b.osType],
          ["image_type", "base"],
          ["com.rackspace__1__visible_core", "1"],
        ]),
        checksum: null,
        created: 0,
        updated: 0,
        members: new Map(),
      });
  }

  get now(): number {
    return this.glance.now();
  }

  newImage(owner: string, init: Partial<ImageRecord> = {}): ImageRecord {
    const at = this.now;
    const img: ImageRecord = {
      id: randomUUID(),
      name: null,
      owner,
      status: "queued",
      visibility: "shared",
      protected: false,
      diskFormat: null,
      containerFormat: null,
      minDisk: 0,
      minRam: 0,
      tags: new Set(),
      props: new Map(),
      checksum: null,
      created: at,
      updated: at,
      members: new Map(),
      ...init,
    };
    this.images.set(img.id, img);
    return img;
  }

  /** Whether `project` can see the image at all (GET works). */
  canSee(img: ImageRecord, project: string, admin: boolean): boolean {
    return admin || img.owner === project || img.visibility === "public" || img.visibility === "community" || img.members.has(project);
  }

  /** Moves tasks along the clock: pending → processing → success/failure (applying their effect once). */
  settle(): void {
    const t = this.glance.timings;
    for (const task of this.tasks.values()) {
      if (task.finished || this.now < task.created + t.taskPending + t.taskProcessing) continue;
      task.finished = true;
      if (task.outcome.ok) task.result = task.outcome.apply();
      else task.message = task.outcome.message;
    }
  }

  taskStatus(task: TaskRecord): string {
    if (task.finished) return task.outcome.ok ? "success" : "failure";
    return this.now < task.created + this.glance.timings.taskPending ? "pending" : "processing";
  }
}

export class GlanceState {
  readonly timings: GlanceTimings = { ...DEFAULT_GLANCE_TIMINGS };
  private readonly regions = new Map<string, RegionImages>();
  constructor(readonly now: () => number) {}
  region(name: string): RegionImages {
    const key = name.toUpperCase();
    let r = this.regions.get(key);
    if (!r) {
      r = new RegionImages(this);
      this.regions.set(key, r);
    }
    return r;
  }
}

/** The Glance state of an emulator (created on first use). Tests reach it to change `timings`. */
export const glanceState = perEmulator((state): GlanceState => new GlanceState(() => state.clock.now()));

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
