import { randomHex } from "../ids";

export interface CdnContainer {
  name: string;
  /** Opaque id used in the container's CDN URIs. */
  uriId: string;
  enabled: boolean;
  ttl: number;
  logRetention: boolean;
}

export interface PurgeRecord {
  region: string;
  account: string;
  container: string;
  object: string;
  emails: string[];
  at: number;
}

export const CDN_DEFAULT_TTL = 259_200;
export const CDN_MIN_TTL = 900;
export const CDN_MAX_TTL = 31_536_000;
/** Cloud Files allows 25 purges per account per day, then answers 498 Rate Limited. */
export const CDN_DAILY_PURGE_LIMIT = 25;

/** Cloud Files CDN records, keyed by region + account, plus a log of purges. */
export class CdnState {
  private readonly records = new Map<string, Map<string, CdnContainer>>();
  readonly purges: PurgeRecord[] = [];

  containers(region: string, account: string): Map<string, CdnContainer> {
    const key = `${region}\u0000${account}`;
    let map = this.records.get(key);
    if (!map) {
      map = new Map();
      this.records.set(key, map);
    }
    return map;
  }

  create(region: string, account: string, name: string): CdnContainer {
    const record: CdnContainer = { name, uriId: randomHex(10), enabled: false, ttl: CDN_DEFAULT_TTL, logRetention: false };
    this.containers(region, account).set(name, record);
    return record;
  }

  byUriId(uriId: string): { region: string; account: string; record: CdnContainer } | undefined {
    for (const [key, map] of this.records) {
      for (const record of map.values()) {
        if (record.uriId === uriId) {
          const [region, account] = key.split("\u0000") as [string, string];
          return { region, account, record };
        }
      }
    }
    return undefined;
  }
}
