// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render } from '@testing-library/preact';
import { useEffect } from 'preact/hooks';
import { ok } from '@/lib/api/result';
import { useAutosave, type Autosave, type AutosaveOptions } from '@/components/hooks/useAutosave';
import { EnvContext } from '@/components/app/env';
import type { WriteCall } from '@/lib/api/journal';
import type { AppEnv } from '@/lib/view/ports';

function Probe(props: {
  save: (v: string) => Promise<ReturnType<typeof ok>>;
  onReady(a: Autosave<string>): void;
  options?: AutosaveOptions<string>;
}) {
  const autosave = useAutosave(props.save, props.options);
  useEffect(() => props.onReady(autosave));
  return null;
}

const wait = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

describe('useAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const saved: string[] = [];
    let autosave!: Autosave<string>;
    render(<Probe save={async (v) => (saved.push(v), ok(null))} onReady={(a) => (autosave = a)} />);
    return { saved, type: (v: string) => act(() => autosave.schedule(v)) };
  }

  it('writes once typing pauses for 300 ms', async () => {
    const { saved, type } = setup();
    type('a');
    await wait(299);
    expect(saved).toEqual([]);
    await wait(1);
    expect(saved).toEqual(['a']);
  });

  it('writes at most 300 ms after a keystroke while the coach keeps typing (a maximum wait, not only a pause)', async () => {
    const { saved, type } = setup();
    let text = '';
    for (let i = 0; i < 20; i++) {
      text += 'x';
      type(text);
      await wait(150);
    }
    // 3 s of steady typing at 150 ms a key: before, nothing was written until the typing paused.
    expect(saved.length).toBeGreaterThanOrEqual(9);
    expect(saved.at(-1)!.length).toBeGreaterThanOrEqual(text.length - 2);
  });

  it("journals each keystroke's write with the worker, and clears it once the save is answered", async () => {
    const journaled: (WriteCall[] | null)[] = [];
    const env = { journal: (_key: string, writes: WriteCall[] | null) => journaled.push(writes) } as unknown as AppEnv;
    const saved: string[] = [];
    let autosave!: Autosave<string>;
    const write = (text: string): WriteCall => ({ method: 'setReflection', args: { sessionId: 's1', text, base: '' } });
    render(
      <EnvContext.Provider value={env}>
        <Probe save={async (v) => (saved.push(v), ok(null))} onReady={(a) => (autosave = a)} options={{ journal: (v) => [write(v)] }} />
      </EnvContext.Provider>,
    );
    act(() => autosave.schedule('a'));
    act(() => autosave.schedule('ab'));
    // At once, before any save: the worker holds what would save each keystroke.
    expect(saved).toEqual([]);
    expect(journaled).toEqual([[write('a')], [write('ab')]]);
    await wait(300);
    expect(saved).toEqual(['ab']);
    expect(journaled.at(-1)).toBeNull();
  });
});
