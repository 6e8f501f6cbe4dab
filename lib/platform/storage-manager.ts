/** The origin's storage manager, for persistence and usage figures (the worker's `navigator.storage`). */
export const storageManager = {
  persist: async () => (await navigator.storage?.persist?.()) ?? false,
  persisted: async () => (await navigator.storage?.persisted?.()) ?? false,
  estimate: async () => (await navigator.storage?.estimate?.()) ?? {},
};
