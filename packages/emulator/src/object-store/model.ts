/** In-memory Swift data: accounts → containers → objects. */

/** A segment backed by an object. */
export interface SloObjectSegment {
  /** `/container/object` as given in the manifest. */
  path: string;
  container: string;
  object: string;
  etag: string;
  sizeBytes: number;
  contentType: string;
  lastModified: number;
  /** Inclusive byte range within the segment, when the manifest named one. */
  range?: { start: number; end: number };
  /** The segment is itself an SLO manifest. */
  subSlo?: boolean;
}

/** Bytes inlined in the manifest (`{"data": "<base64>"}`), served as if they were a segment. */
export interface SloDataSegment {
  data: Buffer;
}

export type SloSegment = SloObjectSegment | SloDataSegment;

export function isDataSegment(segment: SloSegment): segment is SloDataSegment {
  return "data" in segment;
}

export interface StoredObject {
  name: string;
  /** Object bytes kept as the chunks they arrived in: no concatenation copy. */
  chunks: Buffer[];
  size: number;
  /** MD5 hex of the stored bytes (for an SLO: of the manifest JSON). */
  etag: string;
  contentType: string;
  /** Epoch ms. */
  lastModified: number;
  /** Lower-cased name after `x-object-meta-` → value. */
  meta: Map<string, string>;
  /** Content-Encoding, Content-Disposition, X-Object-Manifest, ... (lower-cased names). */
  headers: Map<string, string>;
  /** Epoch seconds. */
  deleteAt?: number;
  slo?: { segments: SloSegment[]; etag: string; size: number };
}

export interface Container {
  name: string;
  createdAt: number;
  /** Epoch ms of the latest container PUT (Swift's put timestamp: Last-Modified, listings). */
  putAt: number;
  meta: Map<string, string>;
  /** ACLs, versioning, sync settings: headers Swift keeps outside X-Container-Meta-*. */
  sysHeaders: Map<string, string>;
  objects: Map<string, StoredObject>;
}

export interface Account {
  name: string;
  region: string;
  tenantId: string;
  createdAt: number;
  meta: Map<string, string>;
  containers: Map<string, Container>;
}

/** Swift orders names by their UTF-8 bytes, which is code point order. */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

export function isExpired(obj: StoredObject, nowSeconds: number): boolean {
  return obj.deleteAt !== undefined && obj.deleteAt <= nowSeconds;
}

/** The size container listings report: an SLO's assembled size (its hash stays the manifest's MD5). */
export function listedSize(obj: StoredObject): number {
  return obj.slo ? obj.slo.size : obj.size;
}

/** Container stats (bytes used) count what is stored: for an SLO, the manifest itself. */
export function storedSize(obj: StoredObject): number {
  return obj.size;
}

export class StorageState {
  private readonly accounts = new Map<string, Account>();

  constructor(private readonly now: () => number) {}

  /** Swift auto-creates an account on first authorised use. */
  account(region: string, name: string, tenantId: string): Account {
    const key = `${region}\u0000${name}`;
    let account = this.accounts.get(key);
    if (!account) {
      account = { name, region, tenantId, createdAt: this.now(), meta: new Map(), containers: new Map() };
      this.accounts.set(key, account);
    }
    return account;
  }

  findAccount(region: string, name: string): Account | undefined {
    return this.accounts.get(`${region}\u0000${name}`);
  }

  allAccounts(): Account[] {
    return [...this.accounts.values()];
  }

  /** Removes objects whose X-Delete-At has passed, as Swift's expirer would. */
  purgeExpired(container: Container, nowSeconds: number): void {
    for (const [name, obj] of container.objects) if (isExpired(obj, nowSeconds)) container.objects.delete(name);
  }
}
