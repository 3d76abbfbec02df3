import { MissingTempUrlKey } from "../errors";
import type { Metadata, MetadataInput } from "../metadata-headers";
import type { SwiftClient } from "../swift-client";
import * as account from "./requests";

/** `cf.account`: the storage account's details, metadata and temp-URL key. */
export class Account {
  readonly #root: SwiftClient;
  #tempUrlKey?: Promise<string | undefined>;

  constructor(root: SwiftClient) {
    this.#root = root;
  }

  /** Container/object counts, bytes used and account metadata (HEAD on the account). */
  getDetails(): Promise<account.AccountInfo> {
    return account.getAccountDetails(this.#root);
  }

  getMetadata(): Promise<Metadata> {
    return account.getAccountMetadata(this.#root);
  }

  /** Add (default) or, with `clear: true`, replace the account metadata. */
  setMetadata(metadata: MetadataInput, options?: { clear?: boolean; signal?: AbortSignal }): Promise<void> {
    return account.setAccountMetadata(this.#root, metadata, options);
  }

  removeMetadataKey(key: string): Promise<void> {
    return account.removeAccountMetadataKey(this.#root, key);
  }

  /** Set the account's temp-URL key (a random 32-hex one when omitted) and return it. */
  async setTempUrlKey(key?: string): Promise<string> {
    const k = await account.setTempUrlKey(this.#root, key);
    this.#tempUrlKey = Promise.resolve(k);
    return k;
  }

  getTempUrlKey(): Promise<string | undefined> {
    return account.getTempUrlKey(this.#root);
  }

  /** The key temp URLs are signed with: fetched once and kept (a failure or a missing key is not kept). */
  async signingKey(): Promise<string> {
    this.#tempUrlKey ??= account.getTempUrlKey(this.#root);
    let key: string | undefined;
    try {
      key = await this.#tempUrlKey;
    } catch (e) {
      this.#tempUrlKey = undefined;
      throw e;
    }
    if (key === undefined) {
      this.#tempUrlKey = undefined;
      throw new MissingTempUrlKey("The account has no temp-URL key; call setTempUrlKey() or pass key");
    }
    return key;
  }
}
