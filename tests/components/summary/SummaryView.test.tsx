// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import ICAL from 'ical.js';
import type { SessionBundle } from '@/lib/api/contract';
import { fail, ok } from '@/lib/api/result';
import { SummaryView } from '@/components/summary/SummaryView';
import { PrefsContext } from '@/components/app/prefs';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { fakeEnv, WithEnv, type FakeEnv } from '../../helpers/fake-env';
import { axeViolations } from '../app/axe';
import { bundle as fixture, client, HOSTILE, NOW } from '../../lib/export/fixtures';

afterEach(cleanup);

/** A store holding one session bundle; updateItem and setReflection write into it and emit a change. */
function summaryEnv(start: SessionBundle = fixture()) {
  let current = start;
  const env: FakeEnv = fakeEnv({
    now: () => NOW,
    api: {
      getSessionBundle: async () => ok(current),
      updateItem: async ({ id, patch }) => {
        const update = <T extends { id: string }>(x: T) => (x.id === id ? { ...x, ...patch } : x);
        current = { ...current, items: current.items.map(update), reviewed: current.reviewed.map((v) => ({ ...v, item: update(v.item) })) };
        queueMicrotask(() => env.emit({ topics: ['items'] }));
        return ok([...current.items, ...current.reviewed.map((v) => v.item)].find((i) => i.id === id)!);
      },
      setReflection: async ({ text, base }) => {
        if (base !== undefined && base !== current.session.reflection)
          return fail('conflict', 'Another view changed the reflection.', 'text');
        current = { ...current, session: { ...current.session, reflection: text } };
        return ok(current.session);
      },
      setNextSession: async ({ when }) => {
        current = { ...current, session: { ...current.session, nextSession: when } };
        queueMicrotask(() => env.emit({ topics: ['reflection'] }));
        return ok(current.session);
      },
    },
  });
  return { env, get: () => current };
}

async function show(env: FakeEnv, onClose = vi.fn()) {
  render(
    <WithEnv env={env}>
      <main>
        <SummaryView sessionId="s1" onClose={onClose} />
      </main>
    </WithEnv>,
  );
  const region = await screen.findByRole('region', { name: 'Session summary' });
  await within(region).findByText('Jane Doe');
  return region;
}

const downloaded = (env: FakeEnv) => vi.mocked(env.io.download).mock.calls.at(-1)! as [string, string, string];
const clientVersion = () => fireEvent.click(screen.getByRole('switch', { name: 'Client version' }));

describe('SummaryView', () => {
  it('shows everything from the session, and has no axe violations', async () => {
    const { env } = summaryEnv();
    const region = await show(env);
    for (const text of [
      'Leading the new team',
      'A first step for Monday',
      'Out-of-session work',
      'Confidentiality agreed; Permission to offer ideas',
      'What do you want from today?',
    ]) {
      expect(within(region).getByText(text)).toBeTruthy();
    }
    expect(within(region).getByText(/2026-11-20 · 10:00|55 min/)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Commitment 1 wording' }) as HTMLTextAreaElement).value).toBe(
      'Talk to Sam about the roadmap',
    );
    expect((screen.getByRole('textbox', { name: 'Prior commitment 1 wording' }) as HTMLTextAreaElement).value).toBe('Book the offsite');
    expect(within(region).getByText('New status: Done — Booked, venue confirmed')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Note 1 wording' }) as HTMLTextAreaElement).value).toContain('energy dropped');
    expect((screen.getByRole('textbox', { name: 'Closing reflection' }) as HTMLTextAreaElement).value).toBe(
      'Private reflection: I talked too much.',
    );
    for (const name of ['Download Markdown', 'Copy summary', 'Email draft', 'Print', 'Download calendar (.ics)', 'Download JSON']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(await axeViolations(document.body, false)).toEqual([]);
    expect(document.activeElement).toBe(within(region).getByRole('heading', { name: 'Session summary' }));
  });

  it('downloads Markdown, JSON and the calendar with the right content, coach or client version', async () => {
    const { env } = summaryEnv();
    await show(env);
    fireEvent.click(screen.getByRole('button', { name: 'Download Markdown' }));
    let [name, mime, content] = downloaded(env);
    expect([name, mime]).toEqual(['jane-doe-2026-11-20-session.md', 'text/markdown;charset=utf-8']);
    expect(content).toContain('## Notes (coach-private)');
    expect(content).toContain('Private commitment');

    clientVersion();
    fireEvent.click(screen.getByRole('button', { name: 'Download Markdown' }));
    [name, , content] = downloaded(env);
    expect(name).toBe('jane-doe-2026-11-20-session-client.md');
    expect(content).not.toContain('Private');
    expect(content).not.toContain('energy dropped');
    expect(content).toContain('- [ ] Talk to Sam about the roadmap — due 2026-12-01');

    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    [name, mime, content] = downloaded(env);
    expect([name, mime]).toEqual(['jane-doe-2026-11-20-session-client.json', 'application/json']);
    expect(JSON.parse(content).items.map((i: { id: string }) => i.id)).toEqual(['k1', 'k2', 'k3', 'n1', 'q1']);

    fireEvent.click(screen.getByRole('button', { name: 'Download calendar (.ics)' }));
    [name, mime, content] = downloaded(env);
    expect([name, mime]).toEqual(['jane-doe-2026-11-20-commitments-client.ics', 'text/calendar;charset=utf-8']);
    const events = new ICAL.Component(ICAL.parse(content)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(['k1@holdspace', 'k2@holdspace']);
    expect(screen.getByRole('status').textContent).toMatch(/Calendar file with 2 commitments downloaded/);
  });

  it('copies the plain-text summary and says so', async () => {
    const { env } = summaryEnv();
    await show(env);
    clientVersion();
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    await waitFor(() => expect(env.io.copy).toHaveBeenCalled());
    const text = vi.mocked(env.io.copy).mock.calls[0]![0];
    expect(text).toContain('[ ] Talk to Sam about the roadmap');
    expect(text).not.toContain('Private commitment');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied the client version. Paste it anywhere.'));
    // Switching back retires the message (it named the other version); copying again names this one.
    clientVersion();
    expect(screen.getByRole('status').textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied the coach version. Paste it anywhere.'));
    expect(vi.mocked(env.io.copy).mock.calls[1]![0]).toContain('Private commitment');
  });

  it('the print message goes when the coach switches to the other version', async () => {
    const { env } = summaryEnv();
    await show(env);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Print view \(coach version\)/));
    clientVersion();
    expect(screen.getByRole('status').textContent).not.toMatch(/coach version/);
  });

  it('the email draft goes to the client, in the client version, with the sign-off from Settings', async () => {
    const { env } = summaryEnv();
    render(
      <WithEnv env={env}>
        <PrefsContext.Provider
          value={{ settings: { ...DEFAULT_SETTINGS, emailSignOff: 'All the best, Sam' }, loaded: true, update: async () => {} }}
        >
          <SummaryView sessionId="s1" onClose={() => {}} />
        </PrefsContext.Provider>
      </WithEnv>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Email draft' }));
    await waitFor(() => expect(env.io.openUrl).toHaveBeenCalled());
    const url = vi.mocked(env.io.openUrl).mock.calls[0]![0];
    expect(url.startsWith('mailto:jane@example.com?')).toBe(true);
    const body = decodeURIComponent(new URL(url).searchParams.get('body') ?? url.split('&body=')[1]!);
    expect(body).toContain('All the best, Sam');
    expect(body).not.toContain('Client version');
    expect(body).not.toContain('Exported from Holdspace');
  });

  it('prints new commitments as a table: what, by when, how we will know, support', async () => {
    const { env } = summaryEnv();
    await show(env);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    await waitFor(() => expect(env.io.print).toHaveBeenCalled());
    const table = document.querySelector('body > .hs-print-root table')!;
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['What', 'By when', "How we'll know", 'Support']);
    const first = [...table.querySelectorAll('tbody tr')][0]!;
    expect([...first.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'Talk to Sam about the roadmap',
      '2026-12-01',
      'I will email you',
      'A script',
    ]);
  });

  it("a commitment's date is edited on the summary, kept with its time, and the exports follow", async () => {
    const { env, get } = summaryEnv();
    await show(env);
    const date = screen.getByLabelText('Commitment 2 by when') as HTMLInputElement;
    expect(date.value).toBe('2026-12-03');
    expect((screen.getByLabelText('Commitment 2 by when, time') as HTMLInputElement).value).toBe('09:30');
    fireEvent.input(date, { target: { value: 'Dec 10' } });
    await waitFor(() => expect(env.api.updateItem).toHaveBeenCalledWith({ id: 'k2', patch: { due: '2026-12-10T09:30' } }));
    expect(get().items.find((i) => i.id === 'k2')!.due).toBe('2026-12-10T09:30');
    fireEvent.click(screen.getByRole('button', { name: 'Download Markdown' }));
    expect(downloaded(env)[2]).toContain('Run the first team meeting — due 2026-12-10 09:30');
  });

  it('the next session is saved and goes into the calendar file', async () => {
    const { env } = summaryEnv();
    await show(env);
    fireEvent.input(screen.getByLabelText('Next session date'), { target: { value: '2026-12-04' } });
    await waitFor(() => expect(env.api.setNextSession).toHaveBeenCalledWith({ sessionId: 's1', when: '2026-12-04' }));
    // The time sits behind the field's toggle; typed after the day it counts too ("2026-12-04 14:30").
    fireEvent.input(screen.getByLabelText('Next session date'), { target: { value: '2026-12-04 14:30' } });
    await waitFor(() => expect(env.api.setNextSession).toHaveBeenCalledWith({ sessionId: 's1', when: '2026-12-04T14:30' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download calendar (.ics)' }));
    const ics = downloaded(env)[2];
    const uids = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid);
    expect(uids).toContain('s1-next-session@holdspace');
    expect(screen.getByRole('status').textContent).toMatch(/commitments and the next session/);
  });

  it('puts the reflection and the exports before what was captured', async () => {
    const { env } = summaryEnv();
    const region = await show(env);
    const order = [
      screen.getByRole('textbox', { name: 'Closing reflection' }),
      screen.getByRole('group', { name: 'Export' }),
      screen.getByRole('textbox', { name: 'Insight 1 wording' }),
    ];
    for (let i = 1; i < order.length; i++) {
      expect(order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect(region).toBeTruthy();
  });

  it('opens an email draft (always the client version), or copies when there is no address or it is too long', async () => {
    const { env } = summaryEnv();
    await show(env);
    fireEvent.click(screen.getByRole('button', { name: 'Email draft' }));
    await waitFor(() => expect(env.io.openUrl).toHaveBeenCalled());
    const url = vi.mocked(env.io.openUrl).mock.calls[0]![0];
    expect(url.startsWith('mailto:jane@example.com?subject=')).toBe(true);
    expect(decodeURIComponent(url)).not.toContain('Private');
    cleanup();

    const noEmail = summaryEnv(fixture({ client: client({ email: '' }) }));
    await show(noEmail.env);
    fireEvent.click(screen.getByRole('button', { name: 'Email draft' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/No email address is saved for Jane Doe.*copied/));
    expect(noEmail.env.io.openUrl).not.toHaveBeenCalled();
    expect(vi.mocked(noEmail.env.io.copy).mock.calls[0]![0]).toContain('Hi Jane,');
    cleanup();

    const long = fixture();
    long.items = long.items.map((i) => ({ ...i, text: `${i.text} ${'and more words '.repeat(20)}` }));
    const tooLong = summaryEnv(long);
    await show(tooLong.env);
    fireEvent.click(screen.getByRole('button', { name: 'Email draft' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/too long for an email link.*copied/));
    expect(tooLong.env.io.openUrl).not.toHaveBeenCalled();
    expect(vi.mocked(tooLong.env.io.copy).mock.calls[0]![0]).toContain('and more words');
  });

  it('prints a page without app chrome, with the chosen version', async () => {
    const { env } = summaryEnv();
    await show(env);
    clientVersion();
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    await waitFor(() => expect(env.io.print).toHaveBeenCalledTimes(1));
    const page = document.querySelector('body > .hs-print-root')!;
    expect(page.textContent).toContain('Session summary: Jane Doe');
    expect(page.textContent).toContain('Talk to Sam about the roadmap');
    expect(page.textContent).not.toContain('Private commitment');
    expect(page.querySelector('button, input, textarea')).toBeNull();
  });

  it('toggling shareable calls updateItem, and the client version follows', async () => {
    const { env } = summaryEnv();
    await show(env);
    const box = screen.getByRole('checkbox', { name: 'Commitment 4 shareable with client' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(env.api.updateItem).toHaveBeenCalledWith({ id: 'k4', patch: { shareable: true } }));
    clientVersion();
    fireEvent.click(screen.getByRole('button', { name: 'Download Markdown' }));
    expect(downloaded(env)[2]).toContain('Private commitment');
  });

  it('a refused share toggle is undone and explained', async () => {
    const { env } = summaryEnv();
    env.api.updateItem.mockImplementation(async () => fail('storage', 'The disk is full.'));
    await show(env);
    const box = screen.getByRole('checkbox', { name: 'Commitment 1 shareable with client' }) as HTMLInputElement;
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toContain('The disk is full.');
    expect(box.checked).toBe(true);
  });

  it('edited wording autosaves and is what the exports use at once', async () => {
    const { env, get } = summaryEnv();
    await show(env);
    const field = screen.getByRole('textbox', { name: 'Insight 1 wording' });
    fireEvent.input(field, { target: { value: `Edited ${HOSTILE.script}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Download Markdown' }));
    expect(downloaded(env)[2]).toContain('- Edited \\<script>alert(1)\\</script>');
    await waitFor(() => expect(env.api.updateItem).toHaveBeenCalledWith({ id: 'n1', patch: { text: `Edited ${HOSTILE.script}` } }));
    expect(get().items.find((i) => i.id === 'n1')!.text).toBe(`Edited ${HOSTILE.script}`);
  });

  it('the closing reflection autosaves', async () => {
    const { env, get } = summaryEnv();
    await show(env);
    fireEvent.input(screen.getByRole('textbox', { name: 'Closing reflection' }), { target: { value: 'Slow down next time.' } });
    const before = get().session.reflection;
    await waitFor(() =>
      expect(env.api.setReflection).toHaveBeenCalledWith({ sessionId: 's1', text: 'Slow down next time.', base: before }),
    );
    expect(get().session.reflection).toBe('Slow down next time.');
  });

  it('the reflection typed in two views: the other view’s words are never written over', async () => {
    const { env, get } = summaryEnv();
    await show(env);
    const field = screen.getByRole('textbox', { name: 'Closing reflection' }) as HTMLTextAreaElement;
    const start = get().session.reflection;
    // Another view (the side panel) rewrites the reflection; this view has not heard of it yet.
    await env.api.setReflection({ sessionId: 's1', text: 'Panel: I rushed the contract.', base: start });
    fireEvent.input(field, { target: { value: 'Overlay: slow down.' } });
    // The stale save is refused, the stored words read back, and both are offered; nothing is lost.
    await screen.findByRole('button', { name: 'Keep both' });
    expect(get().session.reflection).toBe('Panel: I rushed the contract.');
    expect(field.value).toBe('Overlay: slow down.');
    fireEvent.click(screen.getByRole('button', { name: 'Keep both' }));
    await waitFor(() => expect(get().session.reflection).toContain('Panel: I rushed the contract.'));
    expect(get().session.reflection).toContain('Overlay: slow down.');
    // Control: a save against the stored text it saw is written at once.
    fireEvent.input(field, { target: { value: `${field.value} Done.` } });
    await waitFor(() => expect(get().session.reflection).toMatch(/Done\.$/));
  });

  it('renders hostile text as text, never as markup', async () => {
    const b = fixture();
    b.items = b.items.map((i) => ({ ...i, text: HOSTILE.img }));
    const { env } = summaryEnv({ ...b, client: client({ name: HOSTILE.script }) });
    render(
      <WithEnv env={env}>
        <SummaryView sessionId="s1" onClose={() => {}} />
      </WithEnv>,
    );
    await screen.findByText(HOSTILE.script);
    expect(document.querySelector('img, script')).toBeNull();
  });

  it('says when the summary cannot be loaded, and closes', async () => {
    const env = fakeEnv();
    const onClose = vi.fn();
    render(
      <WithEnv env={env}>
        <SummaryView sessionId="s1" onClose={onClose} />
      </WithEnv>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('The summary could not be loaded.');
    fireEvent.click(screen.getByRole('button', { name: 'Close summary' }));
    expect(onClose).toHaveBeenCalled();
  });
});
