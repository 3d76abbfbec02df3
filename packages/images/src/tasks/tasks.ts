import { assignData, type CallOptions, type Job, type Paginated, pollingJob, type ServiceClient, validate, waitInPlace, type WaitProgress, waitUntil } from "@rax/core";
import { TaskFailed } from "../errors";
import { type Ref, ref } from "../ref";
import type { ImportTaskInput, ListTasksInput, TaskData } from "./models";
import * as api from "./requests";

export interface WaitForTaskOptions {
  /** ms between loads. Default 5000. */
  interval?: number;
  /** Loads before giving up with `WaitTimeout`. Default: as many as fit in 2 hours at `interval`. */
  attempts?: number;
  signal?: AbortSignal;
  onProgress?: (p: WaitProgress<Task>) => void;
  /** Deadline in ms for each load (GET). */
  timeout?: number;
}

export interface TrackTaskOptions {
  /** ms between polls. Default 5000. */
  interval?: number;
  /** Polls before giving up (`WaitTimeout`). Default: as many as fit in 2 hours at `interval`. */
  attempts?: number;
  /** ms before the whole job gives up (`WaitTimeout`). */
  deadline?: number;
  signal?: AbortSignal;
  /** Deadline in ms for each poll (GET). */
  timeout?: number;
}

const DEFAULT_WAIT_MS = 2 * 60 * 60_000;

/** `imgs.tasks`: Rackspace's image import and export through Cloud Files, and waiting on them. */
export class Tasks {
  constructor(readonly client: ServiceClient) {}

  list(filters?: ListTasksInput, o?: CallOptions): Paginated<Task> {
    return api.listTasks(this.client, filters, o).map((d) => new Task(this, d));
  }
  async get(task: Ref, o?: CallOptions): Promise<Task> {
    return new Task(this, await api.getTask(this.client, task, o));
  }
  /** Imports `<container>/<object>` as a new image (pyrax `import_task`); wait on the task for its `result.image_id`. */
  async import(input: ImportTaskInput, o?: CallOptions): Promise<Task> {
    return new Task(this, await api.createImportTask(this.client, input, o));
  }
  /** Exports an image to a Cloud Files container as `<image id>.vhd` (pyrax `export_task`). */
  async export(image: Ref, container: string | { name: string }, o?: CallOptions): Promise<Task> {
    return new Task(this, await api.createExportTask(this.client, image, container, o));
  }
  /**
   * Reloads the task until it is `success` (resolves with it) or `failure` (rejects with
   * `TaskFailed` carrying Glance's message). Bounded by `attempts`; `signal` aborts.
   */
  waitFor(task: Ref, o: WaitForTaskOptions = {}): Promise<Task> {
    const call = { signal: o.signal, timeout: o.timeout };
    const load = async (): Promise<Task> => {
      const t = await this.get(task, call);
      if (t.status === "failure") throw new TaskFailed(t);
      return t;
    };
    const interval = o.interval ?? 5000;
    const attempts = o.attempts ?? Math.max(1, Math.ceil(DEFAULT_WAIT_MS / Math.max(interval, 1)));
    return waitUntil(load, "status", ["success"], { interval, attempts, signal: o.signal, onProgress: o.onProgress });
  }

  /**
   * The task as core's `Job`: `await` it for the succeeded task (`TaskFailed` on failure), watch
   * `job.on("progress", task => …)`, `abort()` the polling, or keep `job.id` (the task id) and
   * resume later with `track(id)`. Aborting stops polling only; Glance's task runs on.
   */
  track(task: Ref, o: TrackTaskOptions = {}): Job<Task, Task> {
    const id = validate(ref(), task, "task");
    const interval = o.interval ?? 5000;
    return pollingJob<Task, Task, Task>({
      id,
      poll: (_id, signal) => this.get(id, { signal, ...(o.timeout !== undefined ? { timeout: o.timeout } : {}) }),
      done: (t) => t.status === "success",
      failed: (t) => (t.status === "failure" ? new TaskFailed(t) : undefined),
      interval,
      attempts: o.attempts ?? Math.max(1, Math.ceil(DEFAULT_WAIT_MS / Math.max(interval, 1))),
      ...(o.deadline !== undefined ? { timeout: o.deadline } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
  }
}

export interface Task extends TaskData {}

/** An import or export task as Glance last described it. */
export class Task {
  readonly #tasks: Tasks;
  constructor(tasks: Tasks, data: TaskData) {
    this.#tasks = tasks;
    assignData(this, data);
  }
  /** Reloads this object in place (pyrax `task.reload()`). */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getTask(this.#tasks.client, this, o));
    return this;
  }
  /** This task as core's `Job` (see `Tasks.track`). */
  track(o?: TrackTaskOptions): Job<Task, Task> {
    return this.#tasks.track(this, o);
  }
  /** Waits for success (`TaskFailed` on failure) and updates this object too, also to the failed task (its `message`). */
  waitFor(o?: WaitForTaskOptions): Promise<this> {
    return waitInPlace(this, () => this.#tasks.waitFor(this, o));
  }
}
