// The few `chrome.*` calls browser tests evaluate inside the extension's service worker or pages.
declare namespace chrome {
  namespace commands {
    function getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]>;
  }
  namespace tabs {
    function query(q: { url?: string | string[]; active?: boolean; lastFocusedWindow?: boolean }): Promise<{ id?: number; url?: string }[]>;
    function sendMessage(tabId: number, message: unknown): Promise<unknown>;
  }
  namespace runtime {
    function reload(): void;
    function getURL(path: string): string;
    function sendMessage(message: unknown): Promise<unknown>;
    const id: string;
  }
  namespace storage {
    namespace local {
      function get(key: string): Promise<Record<string, unknown>>;
    }
  }
}
