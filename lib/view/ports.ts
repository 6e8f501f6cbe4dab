/**
 * What a view (side panel or overlay) hands to the Holdspace app: the ports the UI reaches the outside world
 * through. Components never call `browser.*` or IndexedDB: lib/platform implements these for the real
 * extension pages, tests give the app fakes.
 */
import type { ChangeEvent, HoldspaceApi } from '../api/contract';
import type { WriteCall } from '../api/journal';
import type { AutoBackupStatus } from '../backup-auto/policy';
import type { Settings, SettingsPatch } from '../settings/settings';

export type Layout = 'overlay' | 'panel';

/** The overlay's frame on the call page (null in the side panel). Geometry and visibility only. */
export interface OverlayFrame {
  setCollapsed(collapsed: boolean): void;
  /** Drag: move the panel by a delta in screen px. */
  moveBy(dx: number, dy: number): void;
  /** Hide the whole panel (as the hide command does); the command or toolbar brings it back. */
  hide(): void;
  /** The browser-level "focus capture" command reached this frame. */
  onFocusCapture(cb: () => void): () => void;
}

/**
 * The coach's settings: read, patched, watched (lib/platform/browser-settings.ts keeps them in browser
 * storage). The background reads new sessions' defaults and backups' settings through the same port.
 */
export interface SettingsPort {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<void>;
  watch(cb: (settings: Settings) => void): () => void;
}

/**
 * Small state of a view that is not coaching text — which tab is open, the deck's stage — kept across
 * reloads in browser storage, apart from the record (so choosing a tab writes nothing to the store and
 * makes no other view refetch anything).
 */
export interface ViewStatePort {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** Side effects of exporting, injectable so components stay testable. */
export interface ExportIo {
  /** Saves a file: text, or the bytes of a Blob (a backup). */
  download(filename: string, mime: string, content: string | Blob): void;
  /** Resolves false when the clipboard refused. */
  copy(text: string): Promise<boolean>;
  openUrl(url: string): void;
  print(): void;
}

export interface AppEnv {
  api: HoldspaceApi;
  /** Change events pushed by the background after every write (and `{topics:['all']}` after a reconnect). */
  subscribe(onChange: (event: ChangeEvent) => void): () => void;
  settings: SettingsPort;
  viewState: ViewStatePort;
  io: ExportIo;
  frame: OverlayFrame | null;
  layout: Layout;
  /** The call host the overlay sits on (e.g. `meet.google.com`), null in the side panel. */
  host: string | null;
  now(): number;
  /**
   * Optional: plays the soft wrap-up chime. Only called when the coach turned `soundOnWrapUp` on; when
   * absent, a short Web Audio tone is used.
   */
  chime?(): void;
  /**
   * Optional: registers `flush`, called when what is typed must be saved at once (the worker asks before an
   * update, or the view's connection to it closed). Returns the unsubscribe.
   */
  onFlushNeeded?(flush: () => void): () => void;
  /**
   * Optional: hands the worker, at each keystroke, the compare-and-set writes that would save a field's
   * unsaved words (`null` once they are saved); it runs them if this view goes away first (a closed call
   * tab). In memory only, never stored. `key` names the field within this view (lib/api/journal.ts).
   */
  journal?(key: string, writes: WriteCall[] | null): void;
  /** Optional: automatic backups outside the profile (Settings); absent where the browser cannot make them. */
  autoBackup?: AutoBackupPort;
}

/** Automatic backups as the views see them: their record, and turning them on and off. */
export interface AutoBackupPort {
  status(): Promise<AutoBackupStatus>;
  watch(cb: (status: AutoBackupStatus) => void): () => void;
  /**
   * Call from the coach's click: asks for the `downloads` permission, turns automatic backups on and writes
   * the first one. Resolves with a sentence when the permission was refused (and nothing changed).
   */
  turnOn(): Promise<{ ok: true } | { ok: false; message: string }>;
  turnOff(): Promise<void>;
}
