import { storedSize, type Account, type Container, type StorageState } from "./model";

export function containerStats(container: Container): { count: number; bytes: number } {
  let bytes = 0;
  for (const obj of container.objects.values()) bytes += storedSize(obj);
  return { count: container.objects.size, bytes };
}

/** Account totals, after dropping expired objects so counts match listings. */
export function accountStats(storage: StorageState, account: Account, nowSeconds: number) {
  let objects = 0;
  let bytes = 0;
  for (const container of account.containers.values()) {
    storage.purgeExpired(container, nowSeconds);
    const stats = containerStats(container);
    objects += stats.count;
    bytes += stats.bytes;
  }
  return { containers: account.containers.size, objects, bytes };
}
