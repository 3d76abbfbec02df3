import { assignData, type CallOptions, type Paginated, ResourceFailed, type ServiceClient, waitInPlace, type WaitOptions, waitUntil } from "@rax/core";
import type { Ref } from "../ref";
import type { ImageData, ListImagesInput } from "./models";
import * as api from "./requests";

/** `compute.images`: images as Nova lists them — the provider's base images and your snapshots. */
export class Images {
  constructor(readonly client: ServiceClient) {}

  /** Images with details (pyrax `list_images`). */
  list(filters?: ListImagesInput, o?: CallOptions): Paginated<Image> {
    return api.listImages(this.client, filters, o).map((d) => new Image(this, d));
  }

  /** Only the provider's images (pyrax `list_base_images`). */
  async listBase(o?: CallOptions): Promise<Image[]> {
    return this.list({ type: "BASE" }, o).toArray();
  }

  /** Only snapshots of your servers (pyrax `list_snapshots`). */
  async listSnapshots(o?: CallOptions): Promise<Image[]> {
    return this.list({ type: "SNAPSHOT" }, o).toArray();
  }

  /** One image by id. `NoSuchImage` if it does not exist. */
  async get(image: Ref, o?: CallOptions): Promise<Image> {
    return new Image(this, await api.getImage(this.client, image, o));
  }

  /** The first image named exactly `name`; `NoSuchImage` if none. */
  async find(name: string, o?: CallOptions): Promise<Image> {
    return new Image(this, await api.findImage(this.client, name, o));
  }

  /** Every image named exactly `name` (pyrax `find_images_by_name`). */
  async findAll(name: string, o?: CallOptions): Promise<Image[]> {
    return (await api.findImages(this.client, name, o)).map((d) => new Image(this, d));
  }

  /** Deletes an image (your snapshots; base images are not yours to delete). */
  delete(image: Ref, o?: CallOptions): Promise<void> {
    return api.deleteImage(this.client, image, o);
  }

  /** The image's metadata. */
  getMetadata(image: Ref, o?: CallOptions): Promise<Record<string, string>> {
    return api.getImageMetadata(this.client, image, o);
  }

  /** Merges `metadata` into the image's (your snapshots; base images are read-only). */
  setMetadata(image: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<Record<string, string>> {
    return api.setImageMetadata(this.client, image, metadata, o);
  }

  /** Deletes metadata keys of the image. */
  deleteMetadata(image: Ref, keys: string | string[], o?: CallOptions): Promise<void> {
    return api.deleteImageMetadata(this.client, image, keys, o);
  }

  /**
   * Reloads the image until its status is one of `status` (a snapshot goes SAVING → ACTIVE). ERROR,
   * unless asked for, rejects with core's `ResourceFailed`. Gives up after 30 minutes by default.
   */
  waitFor(image: Ref, status: string | string[], o: Omit<WaitOptions<Image>, "failOn" | "faultOf"> = {}): Promise<Image> {
    const want = (Array.isArray(status) ? status : [status]).map((x) => String(x).toUpperCase());
    const failOn = want.includes("ERROR") ? [] : ["ERROR"];
    return waitUntil(() => this.get(image, { signal: o.signal }), "status", want, { interval: 5000, timeout: 30 * 60_000, ...o, failOn });
  }
}

export interface Image extends ImageData {}

/** An image as Nova last described it. */
export class Image {
  // The class refers to itself (waitFor/currentToken), so the build emits it as `class _Image`: this keeps its
  // name (tests/packaging/export-names).
  static get name(): string {
    return "Image";
  }
  readonly #images: Images;
  constructor(images: Images, data: ImageData) {
    this.#images = images;
    assignData(this, data);
  }
  /**
   * Reloads this object in place from Nova and returns it (pyrax's `image.get()`), so core's
   * `waitUntil(image, "status", ["ACTIVE", "ERROR"])` — the seed's `wait_until(image, …)` — can poll it.
   */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getImage(this.#images.client, this, o));
    return this;
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#images.delete(this, o);
  }
  getMetadata(o?: CallOptions): Promise<Record<string, string>> {
    return this.#images.getMetadata(this, o);
  }
  setMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<Record<string, string>> {
    return this.#images.setMetadata(this, metadata, o);
  }
  deleteMetadata(keys: string | string[], o?: CallOptions): Promise<void> {
    return this.#images.deleteMetadata(this, keys, o);
  }
  /** `images.waitFor(this, …)` that also refreshes this object (on success and on `ResourceFailed`), as `server.waitFor` does. */
  waitFor(status: string | string[], o?: Omit<WaitOptions<Image>, "failOn" | "faultOf">): Promise<this> {
    return waitInPlace(this, () => this.#images.waitFor(this, status, o));
  }
}
