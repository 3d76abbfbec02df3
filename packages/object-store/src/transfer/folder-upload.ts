import { randomUUID } from "node:crypto";
import { EventEmitter, setMaxListeners } from "node:events";
import type { LocalFile } from "./folder-scan";
import { runPool } from "./worker-pool";

export interface FolderProgress {
  uploadedBytes: number;
  totalBytes: number;
  /** Object name whose bytes moved. */
  name: string;
}

export interface FolderUploadResult {
  container: string;
  /** Object names stored. */
  uploaded: string[];
  failed: { name: string; error: unknown }[];
  /** Names not uploaded because the job was cancelled. */
  notUploaded: string[];
  cancelled: boolean;
  uploadedBytes: number;
  totalBytes: number;
}

export type UploadOne = (file: LocalFile, signal: AbortSignal, onBytes: (sent: number) => void) => Promise<void>;

/**
 * A folder upload running in the background (pyrax's upload key + `get_uploaded` +
 * `cancel_folder_upload`). Emits `progress` with a `FolderProgress`.
 */
export class FolderUploadJob extends EventEmitter {
  /** pyrax's upload key: `client.getUploaded(key)`, `client.cancelFolderUpload(key)`. */
  readonly key: string = randomUUID();
  readonly container: string;
  readonly totalBytes: number;
  readonly done: Promise<FolderUploadResult>;
  #uploaded = 0;
  #finished = false;
  readonly #abort = new AbortController();

  constructor(
    container: string,
    files: LocalFile[],
    uploadOne: UploadOne,
    o: { concurrency: number; signal?: AbortSignal; onProgress?: (p: FolderProgress) => void },
  ) {
    super();
    this.container = container;
    this.totalBytes = files.reduce((a, f) => a + f.size, 0);
    if (o.onProgress) this.on("progress", o.onProgress);
    if (o.signal) {
      if (o.signal.aborted) this.cancel();
      else o.signal.addEventListener("abort", () => this.cancel(), { once: true });
    }
    // Every in-flight request listens on the job's signal: more than Node's default of 10 is
    // expected at higher concurrency, not a leak.
    setMaxListeners(o.concurrency + 10, this.#abort.signal);
    this.done = this.#run(files, uploadOne, o.concurrency);
  }

  /** Bytes sent so far (live, while files stream). */
  get uploadedBytes(): number {
    return this.#uploaded;
  }
  get finished(): boolean {
    return this.#finished;
  }
  get cancelled(): boolean {
    return this.#abort.signal.aborted;
  }

  /** Stop: in-flight requests are aborted, no new file starts. `done` still resolves, with `cancelled: true`. */
  cancel(): void {
    if (!this.#finished) this.#abort.abort();
  }

  async #run(files: LocalFile[], uploadOne: UploadOne, concurrency: number): Promise<FolderUploadResult> {
    // Let the caller attach listeners before the first byte moves.
    await Promise.resolve();
    const uploaded: string[] = [];
    const failed: { name: string; error: unknown }[] = [];
    const notUploaded: string[] = [];
    let i = 0;
    const signal = this.#abort.signal;
    await runPool(
      concurrency,
      () => files[i++],
      async (file) => {
        if (signal.aborted) {
          notUploaded.push(file.rel);
          return;
        }
        let counted = 0;
        try {
          await uploadOne(file, signal, (sent) => {
            this.#uploaded += sent - counted;
            counted = sent;
            this.emit("progress", { uploadedBytes: this.#uploaded, totalBytes: this.totalBytes, name: file.rel } satisfies FolderProgress);
          });
          this.#uploaded += file.size - counted;
          uploaded.push(file.rel);
        } catch (error) {
          this.#uploaded -= counted;
          if (signal.aborted) notUploaded.push(file.rel);
          else failed.push({ name: file.rel, error });
        }
      },
    );
    for (; i < files.length; i++) notUploaded.push((files[i] as LocalFile).rel);
    this.#finished = true;
    return {
      container: this.container,
      uploaded,
      failed,
      notUploaded,
      cancelled: signal.aborted,
      uploadedBytes: this.#uploaded,
      totalBytes: this.totalBytes,
    };
  }
}
