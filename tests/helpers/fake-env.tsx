/**
 * A fake AppEnv for component tests: every API method is a vi.fn that fails with `not-found` unless the
 * test gives it an answer, so a test states exactly what the store says. `emit` pushes a change event.
 */
import { vi } from 'vitest';
import type { ComponentChildren } from 'preact';
import { API_METHODS, type ChangeEvent, type HoldspaceApi } from '@/lib/api/contract';
import { fail } from '@/lib/api/result';
import { applySettingsPatch, DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import { EnvContext } from '@/components/app/env';
import type { AppEnv, Layout } from '@/lib/view/ports';

export type FakeApi = { [M in keyof HoldspaceApi]: ReturnType<typeof vi.fn<HoldspaceApi[M]>> };

export function fakeApi(answers: Partial<HoldspaceApi> = {}): FakeApi {
  const api = {} as Record<string, unknown>;
  for (const method of API_METHODS) {
    const impl = (answers as Record<string, unknown>)[method] ?? (async () => fail('not-found', `${method}: no answer in this test`));
    api[method] = vi.fn(impl as (...args: unknown[]) => unknown);
  }
  return api as FakeApi;
}

export interface FakeEnv extends AppEnv {
  api: HoldspaceApi & FakeApi;
  emit(event: Partial<ChangeEvent>): void;
  settingsValue(): Settings;
  viewState: AppEnv['viewState'] & { get: ReturnType<typeof vi.fn>; set: ReturnType<typeof vi.fn> };
}

export function fakeEnv(
  options: {
    api?: Partial<HoldspaceApi>;
    layout?: Layout;
    now?: () => number;
    settings?: Partial<Settings>;
    viewState?: Record<string, unknown>;
  } = {},
): FakeEnv {
  const viewState = new Map(Object.entries(options.viewState ?? {}));
  const listeners = new Set<(e: ChangeEvent) => void>();
  const settingsListeners = new Set<(s: Settings) => void>();
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const api = fakeApi(options.api) as HoldspaceApi & FakeApi;
  return {
    api,
    subscribe(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    emit(event) {
      const full: ChangeEvent = { topics: ['all'], ...event };
      for (const cb of [...listeners]) cb(full);
    },
    settings: {
      get: async () => settings,
      update: async (patch) => {
        settings = applySettingsPatch(settings, patch);
        for (const cb of settingsListeners) cb(settings);
      },
      watch(cb) {
        settingsListeners.add(cb);
        return () => settingsListeners.delete(cb);
      },
    },
    settingsValue: () => settings,
    viewState: {
      get: vi.fn(async (key: string) => viewState.get(key) ?? null),
      set: vi.fn(async (key: string, value: unknown) => void viewState.set(key, value)),
    },
    io: { download: vi.fn(), copy: vi.fn(async () => true), openUrl: vi.fn(), print: vi.fn() },
    frame: null,
    layout: options.layout ?? 'panel',
    host: null,
    now: options.now ?? (() => Date.UTC(2026, 10, 21, 10, 0, 0)),
  };
}

export function WithEnv(props: { env: AppEnv; children: ComponentChildren }) {
  return <EnvContext.Provider value={props.env}>{props.children}</EnvContext.Provider>;
}
