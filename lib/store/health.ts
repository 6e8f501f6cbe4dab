/** Storage health: asks the browser to keep Holdspace's data (persistent storage) and reports usage/quota. */
import type { StorageHealth } from '../api/contract';

/** The part of `navigator.storage` used; injected so the worker passes the real one and tests a fake. */
export interface StorageAccess {
  persist(): Promise<boolean>;
  persisted(): Promise<boolean>;
  estimate(): Promise<{ usage?: number; quota?: number }>;
}

export async function storageHealth(storage: StorageAccess | undefined): Promise<StorageHealth> {
  if (!storage) return { persisted: false, usageBytes: null, quotaBytes: null };
  let persisted = await storage.persisted().catch(() => false);
  if (!persisted) persisted = await storage.persist().catch(() => false);
  const estimate = await storage.estimate().catch(() => ({}) as { usage?: number; quota?: number });
  return { persisted, usageBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null };
}
