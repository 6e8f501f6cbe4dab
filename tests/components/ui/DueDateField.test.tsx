// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import axe from 'axe-core';
import type { DayMonthOrder } from '@/lib/model/dates';
import { DueDateField, dueTextOf, useTypedDue, type DueText } from '@/components/ui/DueDateField';
import { fakeEnv, WithEnv } from '../../helpers/fake-env';

afterEach(cleanup);

/** Tuesday 1 December 2026, 10:00 local time. */
const NOW = new Date(2026, 11, 1, 10).getTime();

function Harness(props: { initial?: DueText; order?: DayMonthOrder; nudge?: boolean; seen: DueText[] }) {
  const [value, setValue] = useState<DueText>(props.initial ?? { text: '', time: '' });
  return (
    <div>
      <input aria-label="Before" />
      <DueDateField
        value={value}
        order={props.order ?? 'dm'}
        nudge={props.nudge}
        onChange={(next) => {
          props.seen.push(next);
          setValue(next);
        }}
      />
      <input aria-label="After" />
    </div>
  );
}

function renderField(props: Omit<Parameters<typeof Harness>[0], 'seen'> = {}) {
  const seen: DueText[] = [];
  const result = render(
    <WithEnv env={fakeEnv({ now: () => NOW })}>
      <Harness {...props} seen={seen} />
    </WithEnv>,
  );
  return { ...result, seen };
}

const dueBox = () => screen.getByRole('textbox', { name: 'Due date' }) as HTMLInputElement;
const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const echo = () => document.getElementById(dueBox().getAttribute('aria-describedby')!)!;
const tabStops = () =>
  [...document.querySelectorAll<HTMLElement>('input, button')]
    .filter((el) => el.tabIndex >= 0)
    .map((el) => el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent);

describe('DueDateField', () => {
  it('is one Tab stop: the time toggle, the picker and the native date input are out of the Tab path', () => {
    renderField({ initial: { text: 'fri', time: '' } });
    expect(tabStops()).toEqual(['Before', 'Due date', 'After']);
    // They are there, for a pointer.
    expect(screen.getByRole('button', { name: 'Time' }).tabIndex).toBe(-1);
    expect(screen.getByRole('button', { name: 'Pick a date' }).tabIndex).toBe(-1);
    expect((document.querySelector('input[type="date"]') as HTMLInputElement).tabIndex).toBe(-1);
  });

  it('says the day it understood, politely, and tells what it accepts when it does not understand', () => {
    renderField();
    expect(echo().getAttribute('aria-live')).toBe('polite');
    type(dueBox(), 'fri');
    expect(echo().textContent).toMatch(/^→ Fri,? (4 Dec|Dec 4)$/);
    expect(dueBox().getAttribute('aria-invalid')).toBeNull();
    type(dueBox(), 'next week');
    expect(echo().textContent).toMatch(/^→ Tue,? (8 Dec|Dec 8)$/);
    type(dueBox(), 'soonish');
    expect(echo().textContent).toBe('Not a date I know. Try fri, next week, +7, 15/12, Dec 15 or 2026-12-15.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("reads 3/1 in the coach's day/month order, and names that order in its examples", () => {
    renderField({ order: 'md' });
    type(dueBox(), '3/1');
    expect(echo().textContent).toMatch(/Mar/);
    expect(dueBox().placeholder).toContain('12/15');
    cleanup();
    renderField({ order: 'dm' });
    type(dueBox(), '3/1');
    expect(echo().textContent).toMatch(/Jan/);
    expect(dueBox().placeholder).toContain('15/12');
  });

  it('nudges quietly while empty, only when asked to', () => {
    renderField({ nudge: true });
    expect(echo().textContent).toBe('A by-when makes it a commitment.');
    type(dueBox(), '+7');
    expect(echo().textContent).not.toContain('by-when');
    cleanup();
    renderField();
    expect(echo().textContent).toBe('');
  });

  it('keeps a time behind the toggle: shown and focused when on, in the Tab path then, cleared when off', () => {
    const { seen } = renderField({ initial: { text: 'fri', time: '' } });
    expect(screen.queryByRole('textbox', { name: 'Due time' })).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Time' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    const time = screen.getByRole('textbox', { name: 'Due time' });
    expect(document.activeElement).toBe(time);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(tabStops()).toEqual(['Before', 'Due date', 'Due time', 'After']);
    type(time, '2pm');
    expect(echo().textContent).toMatch(/^→ Fri,? (4 Dec|Dec 4), (14:00|02:00 PM)$/);
    type(time, 'teatime');
    expect(echo().textContent).toBe('Not a time I know. Try 14:00 or 2pm.');
    fireEvent.click(toggle);
    expect(screen.queryByRole('textbox', { name: 'Due time' })).toBeNull();
    expect(seen.at(-1)).toEqual({ text: 'fri', time: '' });
  });

  it('a time typed after the day counts without the toggle', () => {
    renderField();
    type(dueBox(), 'tomorrow 9am');
    expect(echo().textContent).toMatch(/^→ Wed,? (2 Dec|Dec 2), (09:00|09:00 AM)$/);
  });

  it('the native picker fills the text with the day picked', () => {
    const { seen } = renderField({ initial: { text: 'fri', time: '' } });
    const native = document.querySelector('input[type="date"]') as HTMLInputElement;
    fireEvent.click(screen.getByRole('button', { name: 'Pick a date' }));
    expect(native.value).toBe('2026-12-04'); // opens on the day typed
    fireEvent.change(native, { target: { value: '2026-12-18' } });
    expect(seen.at(-1)).toEqual({ text: '2026-12-18', time: '' });
    expect(echo().textContent).toMatch(/^→ Fri,? (18 Dec|Dec 18)$/);
  });

  it('opens an editor on a stored due value as text it reads back the same', () => {
    expect(dueTextOf('2026-12-04T14:00')).toEqual({ text: '2026-12-04', time: '14:00' });
    expect(dueTextOf('2026-12-04')).toEqual({ text: '2026-12-04', time: '' });
    expect(dueTextOf('')).toEqual({ text: '', time: '' });
  });

  it('has no axe violations, with a time open and a message shown', async () => {
    const { container } = renderField({ initial: { text: 'someday', time: '9' }, nudge: true });
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});

/** A field that saves as it goes (a review's new date, a summary's by-when), through `useTypedDue`. */
function Saving(props: { stored: string; saved: string[] }) {
  const typed = useTypedDue(props.stored, (due) => props.saved.push(due), 'dm');
  return <DueDateField label="New date" value={typed.typed} onChange={typed.change} order="dm" />;
}

describe('useTypedDue', () => {
  it('hands on only what it understood, shows the stored value as text, and follows a change made elsewhere', () => {
    const saved: string[] = [];
    const view = render(
      <WithEnv env={fakeEnv({ now: () => NOW })}>
        <Saving stored="2026-12-03" saved={saved} />
      </WithEnv>,
    );
    const field = screen.getByRole('textbox', { name: 'New date' }) as HTMLInputElement;
    expect(field.value).toBe('2026-12-03');
    fireEvent.input(field, { target: { value: 'when it feels right' } });
    expect(saved).toEqual([]); // not understood: nothing handed on, the stored date stays
    fireEvent.input(field, { target: { value: '+14' } });
    expect(saved).toEqual(['2026-12-15']);
    fireEvent.input(field, { target: { value: '' } });
    expect(saved).toEqual(['2026-12-15', '']);
    // Another view stored a date: the text follows it.
    view.rerender(
      <WithEnv env={fakeEnv({ now: () => NOW })}>
        <Saving stored="2026-12-24" saved={saved} />
      </WithEnv>,
    );
    expect(field.value).toBe('2026-12-24');
  });
});
