// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe, and the bench's Chromium launcher.
// The bench drives CDP itself (rather than through Playwright) so that it can attach to the overlay's
// out-of-process frame before its first script runs, and so that nothing of a test harness (init
// scripts, disabled throttling) runs in the pages whose script time it measures.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';

/**
 * @typedef {{ send(method: string, params?: object): Promise<any>, on(event: string, fn: (params: any) => void): () => void, id: string | undefined }} Session
 */

class Connection {
  /** @param {import('node:stream').Writable} out @param {import('node:stream').Readable} inp */
  constructor(out, inp) {
    this.out = out;
    this.nextId = 1;
    /** @type {Map<number, { resolve: Function, reject: Function, method: string }>} */
    this.pending = new Map();
    /** @type {Map<string, Set<Function>>} key: `${sessionId}|${event}` */
    this.listeners = new Map();
    let buffer = '';
    inp.setEncoding('utf8');
    inp.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const text = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        this.dispatch(JSON.parse(text));
      }
    });
    inp.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`Chromium closed during ${p.method}`));
      this.pending.clear();
    });
  }

  dispatch(message) {
    if (message.id !== undefined) {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.error) p.reject(new Error(`${p.method}: ${message.error.message}`));
      else p.resolve(message.result);
      return;
    }
    const set = this.listeners.get(`${message.sessionId ?? ''}|${message.method}`);
    if (set) for (const fn of [...set]) fn(message.params ?? {});
  }

  /** @returns {Session} */
  session(sessionId) {
    return {
      id: sessionId,
      send: (method, params = {}) =>
        new Promise((resolve, reject) => {
          const id = this.nextId++;
          this.pending.set(id, { resolve, reject, method });
          this.out.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
        }),
      on: (event, fn) => {
        const key = `${sessionId ?? ''}|${event}`;
        if (!this.listeners.has(key)) this.listeners.set(key, new Set());
        this.listeners.get(key).add(fn);
        return () => this.listeners.get(key)?.delete(fn);
      },
    };
  }
}

/** Resolves with the first event `event` on `session` matching `test`, or rejects after `timeoutMs`. */
export function waitFor(session, event, test = () => true, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`Timed out waiting for ${event}`));
    }, timeoutMs);
    const off = session.on(event, (params) => {
      if (!test(params)) return;
      clearTimeout(timer);
      off();
      resolve(params);
    });
  });
}

/** Evaluates `expression` (awaiting a promise) in a session's main context; returns the value or throws. */
export async function evaluate(session, expression, contextId) {
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
    expression,
    awaitPromise: true,
    returnByValue: true,
    ...(contextId ? { contextId } : {}),
  });
  if (exceptionDetails) {
    const text = exceptionDetails.exception?.description ?? exceptionDetails.text;
    throw new Error(`evaluate failed: ${text}`);
  }
  return result.value;
}

/**
 * Launches headless Chromium with the fixture host map and, unless `extensionDir` is null, the extension.
 * Chromium's own throttling of hidden tabs and background timers stays on (the timer test needs it).
 */
export async function launchChromium({ extensionDir, fixturePort, userDataDir }) {
  const executable = findChromium();
  if (!executable) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs`.');
  const ownProfile = !userDataDir;
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'holdspace-bench-'));
  const args = [
    ...chromiumArgs({ extensionDir, fixturePort }),
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    '--window-size=1280,800',
    '--no-default-browser-check',
    'about:blank',
  ];
  const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const connection = new Connection(/** @type {any} */ (child.stdio[3]), /** @type {any} */ (child.stdio[4]));
  const browser = connection.session(undefined);
  const version = await browser.send('Browser.getVersion').catch((e) => {
    throw new Error(`Chromium did not start: ${e.message}\n${stderr}`);
  });
  await browser.send('Target.setDiscoverTargets', { discover: true });
  return {
    browser,
    version,
    profile,
    /** A session attached (flattened) to a target. */
    async attach(targetId) {
      const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
      return connection.session(sessionId);
    },
    session: (sessionId) => connection.session(sessionId),
    async targets() {
      const { targetInfos } = await browser.send('Target.getTargets');
      return targetInfos;
    },
    async close() {
      await browser.send('Browser.close').catch(() => undefined);
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(undefined);
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve(undefined);
        });
      });
      for (const stream of child.stdio) stream?.destroy();
      if (ownProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof launchChromium>>} Chromium */
