import type { CallOptions, Paginated } from "@rax/core";
import { Compute } from "./compute";
import type { Flavor } from "./flavors/flavors";
import type { Image } from "./images/images";
import type { Server } from "./servers/servers";

/**
 * `Compute` plus pyrax's flat `cloudservers` calls, camelCased, for scripts being ported
 * (`cs.list_images()` → `cs.listImages()`). Each is one line over the canonical namespaces;
 * new code should call those (`cs.images.list()`).
 */
export class PyraxCompute extends Compute {
  /** pyrax `cs.list()`: `servers.list()`. */
  list(o?: CallOptions): Paginated<Server> {
    return this.servers.list(undefined, o);
  }
  /** pyrax `cs.list_images()`: `images.list()`. */
  listImages(o?: CallOptions): Paginated<Image> {
    return this.images.list(undefined, o);
  }
  /** pyrax `cs.list_base_images()`: `images.listBase()`. */
  listBaseImages(o?: CallOptions): Promise<Image[]> {
    return this.images.listBase(o);
  }
  /** pyrax `cs.list_snapshots()`: `images.listSnapshots()`. */
  listSnapshots(o?: CallOptions): Promise<Image[]> {
    return this.images.listSnapshots(o);
  }
  /** pyrax `cs.list_flavors()`: `flavors.list()`. */
  listFlavors(o?: CallOptions): Paginated<Flavor> {
    return this.flavors.list(undefined, o);
  }
  /** pyrax `cs.find_images_by_name(name)`: `images.findAll(name)`. */
  findImagesByName(name: string, o?: CallOptions): Promise<Image[]> {
    return this.images.findAll(name, o);
  }
}
