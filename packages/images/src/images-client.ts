import { ServiceClient } from "@rax/core";
import { ImageCollection } from "./images/images";
import { Members } from "./members/members";
import { Tasks } from "./tasks/tasks";

/**
 * Cloud Images / OpenStack Glance v2. Build it from a context (`ctx.client(Images, { region })`)
 * or from any `AuthSession`; the endpoint comes from the catalog (type `image`, name
 * `cloudImages`) on first use. Namespaces: `imgs.images`, `imgs.members`, `imgs.tasks`.
 */
export class Images extends ServiceClient {
  static override readonly serviceType = "image";
  static override readonly serviceName = "cloudImages";

  #images?: ImageCollection;
  #members?: Members;
  #tasks?: Tasks;

  /** Images: list (filters, paging), get, find, create, update (JSON patch), delete, tags, data upload/download. */
  get images(): ImageCollection {
    return (this.#images ??= new ImageCollection(this, () => this.members));
  }
  /** Sharing: members add / list / get / remove, and accept / reject as the member. */
  get members(): Members {
    return (this.#members ??= new Members(this));
  }
  /** Import / export tasks through Cloud Files, and waiting on them. */
  get tasks(): Tasks {
    return (this.#tasks ??= new Tasks(this));
  }
}
