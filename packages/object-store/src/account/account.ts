import { AbortError, raceSignal } from "@rax/core";
import { MissingTempUrlKey } from "../errors";
import type { Metadata, MetadataInput } from "../metadata-headers";
import { type SignalOptions, signalOption } from "../options";
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
  getDetails(options?: SignalOptions): Promise<account.AccountInfo> {
    return account.getAccountDetails(this.#root, options);
  }

  getMetadata(options?: SignalOptions): Promise<Metadata> {
    return account.getAccountMetadata(this.#root, options);
  }

  /** Add (default) or, with `clear: true`, replace the account metadata. */
  setMetadata(metadata: MetadataInput, options?: { clear?: boolean; signal?: AbortSignal }): Promise<void> {
    return account.setAccountMetadata(this.#root, metadata, options);
  }

  removeMetadataKey(key: string, options?: SignalOptions): Promise<void> {
    return account.removeAccountMetadataKey(this.#root, key, options);
  }

  /** Set the account's temp-URL key (a random 32-hex one when omitted) and return it. */
  async setTempUrlKey(key?: string, options?: SignalOptions): Promise<string> {
    const k = await account.setTempUrlKey(this.#root, key, options);
    this.#tempUrlKey = Promise.resolve(k);
    return k;
  }

  getTempUrlKey(options?: SignalOptions): Promise<string | undefined> {
    return account.getTempUrlKey(this.#root, options);
  }

  /**
   * The key temp URLs are signed with: fetched once and kept (a failure or a missing key is not kept).
   * Concurrent callers share one fetch, so `signal` releases only its own caller (AbortError): the
   * HEAD already sent finishes for the others, and an already-fired signal sends nothing.
   */
  async signingKey(options?: SignalOptions): Promise<string> {
    const signal = signalOption(options);
    if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
    let fetching = this.#tempUrlKey;
    if (fetching === undefined) {
      const started = account.getTempUrlKey(this.#root);
      this.#tempUrlKey = fetching = started;
      // A failure is forgotten as it happens, even when every caller waiting for it gave up.
      started.catch(() => {
        if (this.#tempUrlKey === started) this.#tempUrlKey = undefined;
      });
    }
    const key = await raceSignal(fetching, signal);
    if (key === undefined) {
      if (this.#tempUrlKey === fetching) this.#tempUrlKey = undefined;
      throw new MissingTempUrlKey("The account has no temp-URL key; call setTempUrlKey() or pass key");
    }
    return key;
  }
}
