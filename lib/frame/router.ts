/**
 * The background worker's relay between a content script that docked the overlay and that overlay's frame
 * (see protocol.ts). The worker knows who speaks from what the browser reports on each port (`sender.tab`,
 * `sender.frameId`, `sender.documentId`, `sender.url`), which no page can forge; so:
 * - a content script's port opens a dock for its tab, with a fresh one-time token;
 * - an overlay frame is bound to that dock only by redeeming the token, and from then on is recognised by
 *   its own tab, frame and document (after MV3 stopped the worker too: docks live in `storage.session`);
 * - messages pass only between a dock's content script and its bound frame, and only the protocol's shapes.
 * Any other frame showing the overlay page (the call page embedded it, or re-pointed our iframe) is never
 * confirmed, so it never renders.
 */
import {
  DOCK_PORT,
  DOCK_PORT_RECONNECT,
  FRAME_PORT,
  FRAME_PORT_RECONNECT,
  isFrameToHost,
  isHostToFrame,
  isRedeem,
  type FrameToHost,
  type HostToFrame,
  type WorkerToFrame,
  type WorkerToHost,
} from './protocol';

export interface Sender {
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
  url?: string;
}

/** The part of a runtime port the router uses (satisfied by `browser.runtime.Port` and by test fakes). */
export interface RouterPort {
  name: string;
  sender?: Sender;
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}

interface Place {
  frame: number;
  doc?: string;
}

export interface DockRecord extends Place {
  host: string;
  /** The token the content script hands its frame; null once redeemed. */
  token: string | null;
  overlay: Place | null;
}

/** Where docks outlive the worker: memory-only extension storage (`storage.session`). */
export interface DockStore {
  load(): Promise<Record<string, DockRecord>>;
  save(docks: Record<string, DockRecord>): Promise<void>;
}

export interface DockRouterDeps {
  store: DockStore;
  newToken(): string;
  /** The call page's host name for a content script's URL, or null when it is not a call page. */
  hostOf(url: string): string | null;
}

const PENDING_MAX = 8;

const placeOf = (s: Sender | undefined): (Place & { tab: number }) | null =>
  typeof s?.tab?.id === 'number' && typeof s.frameId === 'number' ? { tab: s.tab.id, frame: s.frameId, doc: s.documentId } : null;
const same = (a: Place | null, b: Place) => a !== null && a.frame === b.frame && a.doc === b.doc;

export function createDockRouter(deps: DockRouterDeps) {
  let docks: Promise<Record<string, DockRecord>> | null = null;
  const all = () => (docks ??= deps.store.load().catch((): Record<string, DockRecord> => ({})));
  const save = async () => deps.store.save(await all()).catch(() => {});
  const hosts = new Map<number, RouterPort>();
  const frames = new Map<number, RouterPort>();
  const toHost = new Map<number, FrameToHost[]>();
  const toFrame = new Map<number, HostToFrame[]>();

  const deliver = <M>(ports: Map<number, RouterPort>, queue: Map<number, M[]>, tab: number, message: M) => {
    const port = ports.get(tab);
    if (port) return port.postMessage(message);
    const pending = queue.get(tab) ?? [];
    queue.set(tab, [...pending, message].slice(-PENDING_MAX));
  };
  const flush = <M>(port: RouterPort, queue: Map<number, M[]>, tab: number) => {
    for (const m of queue.get(tab) ?? []) port.postMessage(m);
    queue.delete(tab);
  };
  const track = (ports: Map<number, RouterPort>, tab: number, port: RouterPort) => {
    ports.set(tab, port);
    port.onDisconnect.addListener(() => ports.get(tab) === port && ports.delete(tab));
  };

  async function acceptHost(port: RouterPort, at: Place & { tab: number }, host: string) {
    const map = await all();
    const existing = map[at.tab];
    // A content script that starts opens a new dock (a reload, a newer copy); one reconnecting after the
    // worker stopped finds its own.
    const keep = port.name === DOCK_PORT_RECONNECT && existing && same(existing, at) ? existing : null;
    const dock: DockRecord = keep ?? { frame: at.frame, doc: at.doc, host, token: deps.newToken(), overlay: null };
    if (!keep) {
      map[at.tab] = dock;
      frames.delete(at.tab);
      toHost.delete(at.tab);
      toFrame.delete(at.tab);
      await save();
    }
    track(hosts, at.tab, port);
    if (dock.token) port.postMessage({ hs: 'worker', type: 'token', token: dock.token } satisfies WorkerToHost);
    flush(port, toHost, at.tab);
  }

  async function acceptFrame(port: RouterPort, at: Place & { tab: number }) {
    const dock = (await all())[at.tab];
    if (dock && same(dock.overlay, at)) confirm(port, at.tab, dock);
  }

  function confirm(port: RouterPort, tab: number, dock: DockRecord) {
    track(frames, tab, port);
    port.postMessage({ hs: 'worker', type: 'confirmed', host: dock.host } satisfies WorkerToFrame);
    flush(port, toFrame, tab);
  }

  async function fromFrame(port: RouterPort, at: Place & { tab: number }, message: unknown) {
    const map = await all();
    const dock = map[at.tab];
    if (!dock) return;
    if (isRedeem(message) && dock.token !== null && message.token === dock.token) {
      dock.token = null;
      dock.overlay = { frame: at.frame, doc: at.doc };
      await save();
      confirm(port, at.tab, dock);
      hosts.get(at.tab)?.postMessage({ hs: 'worker', type: 'confirmed' } satisfies WorkerToHost);
      return;
    }
    if (isFrameToHost(message) && same(dock.overlay, at) && frames.get(at.tab) === port) deliver(hosts, toHost, at.tab, message);
  }

  async function fromHost(port: RouterPort, at: Place & { tab: number }, message: unknown) {
    const dock = (await all())[at.tab];
    if (dock && same(dock, at) && hosts.get(at.tab) === port && isHostToFrame(message)) deliver(frames, toFrame, at.tab, message);
  }

  return {
    /** Takes a dock or overlay-frame port (true), or leaves it to others (false). Refused ports are disconnected. */
    accept(port: RouterPort): boolean {
      const isHost = port.name === DOCK_PORT || port.name === DOCK_PORT_RECONNECT;
      const isFrame = port.name === FRAME_PORT || port.name === FRAME_PORT_RECONNECT;
      if (!isHost && !isFrame) return false;
      const at = placeOf(port.sender);
      const host = isHost && port.sender?.url ? deps.hostOf(port.sender.url) : null;
      if (!at || (isHost && !host)) {
        port.disconnect();
        return true;
      }
      // Messages may arrive while the docks load: each waits until this port is accepted.
      const ready = isHost ? acceptHost(port, at, host!) : acceptFrame(port, at);
      port.onMessage.addListener((message) => {
        void ready.then(() => (isHost ? fromHost(port, at, message) : fromFrame(port, at, message)));
      });
      return true;
    },
  };
}
