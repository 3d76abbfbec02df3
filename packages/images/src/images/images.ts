import { assignData } from "@rax/core";
import type { CallOptions, Paginated, ServiceClient } from "@rax/core";
import type { ImageMember, Members } from "../members/members";
import type { Ref } from "../ref";
import type { CreateImageInput, ImageData, ListImagesInput, UpdateImageInput } from "./models";
import * as api from "./requests";

/** `imgs.images`: Glance v2 images. Every method takes an id or an `Image`. */
export class ImageCollection {
  constructor(
    readonly client: ServiceClient,
    /** The sharing namespace, for `image.addMember()` and friends (given by the client, lazily). */
    readonly members: () => Members,
  ) {}

  /** Images matching the filters (pyrax `list`); `await` for the first page (25 by default), `for await` for all (pyrax `list_all`). */
  list(filters?: ListImagesInput, o?: CallOptions): Paginated<Image> {
    return api.listImages(this.client, filters, o).map((d) => new Image(this, d));
  }
  /** One image. `NoSuchImage` if it does not exist or is not visible to you. */
  async get(image: Ref, o?: CallOptions): Promise<Image> {
    return new Image(this, await api.getImage(this.client, image, o));
  }
  /** The one image named exactly `name`. */
  async find(name: string, o?: CallOptions): Promise<Image> {
    return new Image(this, await api.findImage(this.client, name, o));
  }
  /** A new image record (status `queued`) to `upload` data into (OpenStack Glance; on Rackspace use `tasks.import`). */
  async create(input: CreateImageInput, o?: CallOptions): Promise<Image> {
    return new Image(this, await api.createImage(this.client, input, o));
  }
  /** Changes properties (pyrax `update`): `{ name: "new", minRam: 1024, my_prop: "x", old_prop: null }`. */
  async update(image: Ref, changes: UpdateImageInput, o?: CallOptions): Promise<Image> {
    return new Image(this, await api.updateImage(this.client, image, changes, o));
  }
  /** Deletes the image (you must own it and it must not be protected). */
  delete(image: Ref, o?: CallOptions): Promise<void> {
    return api.deleteImage(this.client, image, o);
  }
  /** Adds a tag (pyrax `add_image_tag`). */
  addTag(image: Ref, tag: string, o?: CallOptions): Promise<void> {
    return api.addImageTag(this.client, image, tag, o);
  }
  /** Removes a tag (pyrax `delete_image_tag`). */
  removeTag(image: Ref, tag: string, o?: CallOptions): Promise<void> {
    return api.removeImageTag(this.client, image, tag, o);
  }
  /** Streams bytes into a queued image (PUT /file); give `size` when the stream's length is known. */
  upload(image: Ref, data: api.ImageDataBody, o?: CallOptions & { size?: number }): Promise<void> {
    return api.uploadImageData(this.client, image, data, o);
  }
  /** The image's bytes as a stream, with Glance's checksum. */
  download(image: Ref, o?: CallOptions): Promise<api.ImageDownload> {
    return api.downloadImageData(this.client, image, o);
  }
}

export interface Image extends ImageData {}

/** An image as Glance last described it, with pyrax's object verbs (delegating to `imgs.images` / `imgs.members`). */
export class Image {
  readonly #images: ImageCollection;
  constructor(images: ImageCollection, data: ImageData) {
    this.#images = images;
    assignData(this, data);
  }
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getImage(this.#images.client, this, o));
    return this;
  }
  /** Changes properties and refreshes this object from Glance's answer. */
  async update(changes: UpdateImageInput, o?: CallOptions): Promise<this> {
    assignData(this, await api.updateImage(this.#images.client, this, changes, o));
    return this;
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#images.delete(this, o);
  }
  addTag(tag: string, o?: CallOptions): Promise<void> {
    return this.#images.addTag(this, tag, o);
  }
  removeTag(tag: string, o?: CallOptions): Promise<void> {
    return this.#images.removeTag(this, tag, o);
  }
  upload(data: api.ImageDataBody, o?: CallOptions & { size?: number }): Promise<void> {
    return this.#images.upload(this, data, o);
  }
  download(o?: CallOptions): Promise<api.ImageDownload> {
    return this.#images.download(this, o);
  }
  /** Shares this image with a project (pyrax `img.add_member`). */
  addMember(projectId: string, o?: CallOptions): Promise<ImageMember> {
    return this.#images.members().add(this, projectId, o);
  }
  /** Stops sharing with a project (pyrax `img.delete_member`). */
  deleteMember(projectId: string, o?: CallOptions): Promise<void> {
    return this.#images.members().remove(this, projectId, o);
  }
  /** This image's members. */
  listMembers(o?: CallOptions): Promise<ImageMember[]> {
    return this.#images.members().list(this, o);
  }
}
