import { assignData, type CallOptions, type Paginated, registerSecret, type ServiceClient } from "@rax/core";
import type { KeypairData, KeypairRef } from "./models";
import * as api from "./requests";

/** `compute.keypairs`: SSH keys Nova installs in new servers (`key_name`). */
export class Keypairs {
  constructor(readonly client: ServiceClient) {}

  /** Every keypair of the account. */
  list(o?: CallOptions): Paginated<Keypair> {
    return api.listKeypairs(this.client, o).map((d) => new Keypair(this, d));
  }

  /** One keypair by name. `NoSuchKeypair` if it does not exist. */
  async get(keypair: KeypairRef, o?: CallOptions): Promise<Keypair> {
    return new Keypair(this, await api.getKeypair(this.client, keypair, o));
  }

  /**
   * Creates a keypair. Without `publicKey` Nova generates one and the result carries `privateKey`
   * (shown once, a secret); with it (pyrax `keypairs.create("my_key", pub)`) the key is imported.
   */
  async create(name: string, publicKey?: string, o?: CallOptions): Promise<Keypair> {
    const { keypair, privateKey } = await api.createKeypair(this.client, name, publicKey, o);
    return new Keypair(this, keypair, privateKey);
  }

  /** Imports your public key (e.g. `~/.ssh/id_rsa.pub`) under `name`. */
  import(name: string, publicKey: string, o?: CallOptions): Promise<Keypair> {
    return this.create(name, publicKey, o);
  }

  /** Deletes the keypair. Servers built with it keep the key. */
  delete(keypair: KeypairRef, o?: CallOptions): Promise<void> {
    return api.deleteKeypair(this.client, keypair, o);
  }
}

export interface Keypair extends KeypairData {}

/** A keypair, with its one verb. */
export class Keypair {
  readonly #keypairs: Keypairs;
  readonly #privateKey?: string;

  constructor(keypairs: Keypairs, data: KeypairData, privateKey?: string) {
    this.#keypairs = keypairs;
    assignData(this, data);
    if (privateKey) {
      registerSecret(privateKey);
      this.#privateKey = privateKey;
    }
  }

  /**
   * The private key Nova generated, only on the keypair `create()` returned without a public key.
   * Save it now: Nova never shows it again. Kept out of `console.log`, `JSON.stringify` and rax's logs.
   */
  get privateKey(): string | undefined {
    return this.#privateKey;
  }

  delete(o?: CallOptions): Promise<void> {
    return this.#keypairs.delete(this, o);
  }
}
