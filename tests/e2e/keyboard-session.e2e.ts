/**
 * The hour without friction (issue 10, "Tests"): the whole sample session and two follow-ups, by keyboard
 * only, in the 360 px overlay on the Meet stand-in. After the page loads nothing is clicked or focused by
 * the test: focus enters the overlay the way the "Open Holdspace and focus quick capture" command
 * (Alt+Shift+O) sends it there, and from then on every step is `page.keyboard` presses and typing, with Tab
 * walking to whatever has no shortcut. Every key is counted per step and each step must stay within the
 * budget written down below (and in the README); after each step the state it should have made is checked
 * and a screenshot is kept (.output/e2e-artifacts/kbd-*.png).
 *
 * Budgets count the keys beyond the words typed ("text + N keys"): Tab, Enter, Escape, arrows, shortcuts
 * and the one-letter keys. The words themselves (a name, a topic, a commitment, a date as "fri") are
 * counted as text and reported beside them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { ARTIFACTS, MEET_CALL } from './harness/browser';
import { api } from './harness/api';
import { viewSuite } from './harness/suite';
import { dayFromNow, openOverlay, snap, type View } from './harness/coach';

/** The key budget of each step: keys beyond the words typed. Written down in README ("Keyboard-only session"). */
export const BUDGETS = {
  'enter the overlay (Alt+Shift+O)': 1,
  'choose the client and start': 2, // Enter creates and chooses the client, Enter on "Start session"
  'contract: topic and desired outcome': 2, // Alt+1 lands on Topic, Tab to Desired outcome
  'contract: confidentiality agreed': 8, // Tab along the form to the checkbox, Space
  'deck: next question, marked asked': 3, // Alt+2 lands in the list, n, a
  'capture: one of each kind by prefix': 5, // Alt+3, then one Enter per item
  'commitment with date, how you will know, support': 6, // each: Tab, Tab, Tab, Enter (issue 10's example: ≤ text + 6)
  'commitment with a date only': 3, // Tab, then Enter
  'contract check-in: shifted': 4, // Alt+1 lands on "Contract check-in" (the agreed contract's card), Enter, Tab to "Shifted to", Enter
  'end the session': 6, // Shift+Tab to "End session", Enter, Enter in the dialog
  'on to the contract, then end the session': 6, // Enter, Shift+Tab to "End session", Enter, Enter
  'close the summary': 4,
  'reopen the summary from the client history': 8,
  'export Markdown from the reopened summary': 6,
  'back to the client and start the follow-up': 6,
  'review one commitment as each status by one key': 11, // per card its key and Enter after the note; "f" adds Enter after its date
  'see partly and not done again in the third session': 6,
} as const;
type Step = keyof typeof BUDGETS;

const CLIENT = 'Daniel Reyes';
const CONTRACT = { topic: 'The argument with a client, before the appraisal', outcome: 'A plan for telling my boss first' };
const SHIFT = 'How to raise it with the boss this week';
const KINDS = [
  { typed: 'n: Voice rose when the boss came up', text: 'Voice rose when the boss came up', kind: 'note' },
  {
    typed: 'i: He fears the story reaches the boss before he does',
    text: 'He fears the story reaches the boss before he does',
    kind: 'insight',
  },
  { typed: 'b: If a client complains, I have failed', text: 'If a client complains, I have failed', kind: 'belief' },
  {
    typed: 'q: What would telling the boss first make possible?',
    text: 'What would telling the boss first make possible?',
    kind: 'inquiry',
  },
] as const;

/** Days from today to the next Friday after today (1–7), as "fri" means. */
const toFriday = () => (5 - new Date().getDay() + 7) % 7 || 7;
const COMMITMENTS = [
  {
    text: 'Tell the boss about the argument',
    due: 'fri',
    expected: () => dayFromNow(toFriday()),
    how: 'The boss heard it from me',
    support: 'The three points we drafted',
  },
  {
    text: 'Write down what was said',
    due: 'next week',
    expected: () => dayFromNow(7),
    how: 'One page in my journal',
    support: 'The notes from the call',
  },
  {
    text: 'Ask two peers how they handled it',
    due: '+14',
    expected: () => dayFromNow(14),
    how: 'Two names and what they said',
    support: 'HR can suggest who',
  },
  { text: 'Send the client a short apology', due: 'tomorrow', expected: () => dayFromNow(1) },
  { text: 'Read the chapter on hard conversations', due: '+21', expected: () => dayFromNow(21) },
];

/** One key per status, in the order the cards are shown. */
const LETTERS = ['d', 'p', 'n', 'x', 'f'] as const;
const STATUS: Record<string, string> = { d: 'done', p: 'partly', n: 'not-done', x: 'dropped', f: 'carried-forward' };
/** Which commitment was reviewed with which key (session 2), for session 3. */
const reviewed = new Map<string, string>();

const { v, errors, browser } = viewSuite('kbd', (b) => openOverlay(b.context, MEET_CALL));

// --- Counting keys -----------------------------------------------------------------------------------------

interface Count {
  step: Step;
  text: number;
  keys: number;
  budget: number;
  /** The keys beyond the words, in order. */
  pressed: string[];
}
const counts: Count[] = [];
let current: Count | null = null;

async function step(name: Step, run: () => Promise<void>, shot: string): Promise<void> {
  current = { step: name, text: 0, keys: 0, budget: BUDGETS[name], pressed: [] };
  await run();
  const done = current;
  counts.push(done);
  current = null;
  await snap(v, `kbd-${String(counts.length).padStart(2, '0')}-${shot}`);
  expect(done.keys, `"${name}" took ${done.keys} keys (${done.pressed.join(' ')}) beyond ${done.text} typed`).toBeLessThanOrEqual(
    done.budget,
  );
}

/** One key press (Tab, Enter, a shortcut, a one-letter key), counted. */
async function key(k: string): Promise<void> {
  if (!current) throw new Error('A key outside a step');
  await v.page.keyboard.press(k);
  current.keys++;
  current.pressed.push(k);
}

/** Words typed, counted as text. */
async function type(text: string): Promise<void> {
  if (!current) throw new Error('Typing outside a step');
  await v.page.keyboard.type(text);
  current.text += text.length;
}

/** What has focus in the overlay, as "role name". */
function focused(): Promise<string> {
  return v.ui.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return 'nothing';
    const labelled = a.getAttribute('aria-labelledby');
    const name =
      a.getAttribute('aria-label') ??
      (labelled
        ? labelled
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : null) ??
      (a as HTMLInputElement).labels?.[0]?.textContent ??
      a.textContent ??
      '';
    const type = (a as HTMLInputElement).type;
    const implicit =
      a.tagName === 'INPUT'
        ? type === 'checkbox' || type === 'radio'
          ? type
          : 'textbox'
        : a.tagName === 'TEXTAREA'
          ? 'textbox'
          : a.tagName === 'SELECT'
            ? 'combobox'
            : a.tagName.toLowerCase();
    const role = a.getAttribute('role') ?? implicit;
    return `${role} ${name.replace(/\s+/g, ' ').trim()}`;
  });
}

/** Presses Tab (Shift+Tab with `back`) until focus is on `what`, at most `max` times (each counted). */
async function tabTo(what: RegExp, max: number, back = false): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await key(back ? 'Shift+Tab' : 'Tab');
    const at = await focused();
    seen.push(at);
    if (what.test(at)) return;
  }
  throw new Error(`${max} × ${back ? 'Shift+Tab' : 'Tab'} did not reach ${what}: ${seen.join(' → ')}`);
}

async function expectFocus(what: RegExp, message: string): Promise<void> {
  await expect.poll(focused, { message }).toMatch(what);
}

// --- The overlay -------------------------------------------------------------------------------------------

const region = (name: string) => v.ui.getByRole('region', { name, exact: true });
const capturedTexts = () =>
  v.ui.getByRole('list', { name: 'Captured this session', exact: true }).locator('.hs-capture__item-text').allTextContents();
const prior = () => region('Prior commitments');
const card = (text: string): Locator => prior().locator('[data-review-card]').filter({ hasText: text });

async function activeBundle() {
  const active = await api(v.ui, 'activeSession', {});
  if (!active) throw new Error('No session is running');
  return active;
}

/** Sends focus into the overlay as the browser command Alt+Shift+O does (Playwright cannot press browser commands). */
async function commandFocusCapture(view: View): Promise<void> {
  const worker = browser().worker;
  // What the command handler (lib/platform/commands.ts) does with the active tab.
  await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab!.id!, { hs: 'focus-capture' });
  });
  await expect.poll(() => view.ui.evaluate(() => document.hasFocus()), { message: 'focus is in the overlay' }).toBe(true);
}

/** Types `typed` (the client's name, or its first letters) in the client picker, chooses with Enter, starts. */
async function startWith(typed: string): Promise<void> {
  await expectFocus(/^combobox Client/, 'the client picker is focused');
  await type(typed);
  await key('Enter');
  await expectFocus(/^button Start session/, 'choosing the client moves focus to Start session');
  await key('Enter');
  await v.ui.getByRole('button', { name: 'End session', exact: true }).waitFor();
}

describe('a whole session and two follow-ups, by keyboard only, in the overlay', () => {
  it('session 1: client, contract, deck, every capture kind, five commitments, check-in, end', async () => {
    await step(
      'enter the overlay (Alt+Shift+O)',
      async () => {
        current!.keys++;
        current!.pressed.push('Alt+Shift+O');
        await commandFocusCapture(v);
      },
      'entered',
    );

    await step('choose the client and start', () => startWith(CLIENT), 'started');

    await step(
      'contract: topic and desired outcome',
      async () => {
        await key('Alt+1');
        await expectFocus(/^textbox Topic/, 'Alt+1 lands on Topic');
        await type(CONTRACT.topic);
        await key('Tab');
        await expectFocus(/^textbox Desired outcome/, 'Tab goes on to Desired outcome');
        await type(CONTRACT.outcome);
      },
      'contract',
    );

    await step(
      'contract: confidentiality agreed',
      async () => {
        await tabTo(/^checkbox Confidentiality agreed/, BUDGETS['contract: confidentiality agreed'] - 1);
        await key('Space');
        await expect.poll(() => v.ui.getByRole('checkbox', { name: 'Confidentiality agreed', exact: true }).isChecked()).toBe(true);
      },
      'confidentiality',
    );

    await step(
      'deck: next question, marked asked',
      async () => {
        await key('Alt+2');
        await expect.poll(() => v.ui.evaluate(() => document.activeElement?.matches('li.hs-deck__q') ?? false)).toBe(true);
        await key('n');
        await key('a');
        const current = v.ui.locator('li.hs-deck__q--current');
        await expect.poll(() => current.getByRole('button', { name: 'Mark asked' }).getAttribute('aria-pressed')).toBe('true');
      },
      'deck-asked',
    );

    await step(
      'capture: one of each kind by prefix',
      async () => {
        await key('Alt+3');
        await expectFocus(/^textbox Capture/, 'Alt+3 lands on the capture field');
        for (const k of KINDS) {
          await type(k.typed);
          await key('Enter');
          await expect.poll(capturedTexts, { message: `"${k.text}" is captured` }).toContain(k.text);
        }
      },
      'capture-kinds',
    );

    for (const [i, c] of COMMITMENTS.entries()) {
      const full = 'how' in c;
      await step(
        full ? 'commitment with date, how you will know, support' : 'commitment with a date only',
        async () => {
          await expectFocus(/^textbox Capture/, 'the capture field is ready for the next one');
          await type(i === 0 ? `c: ${c.text}` : c.text);
          await key('Tab');
          await expectFocus(/^textbox Due date/, 'Tab goes from the words to the due date');
          await type(c.due);
          await expect.poll(() => v.ui.locator('.due-field__echo').first().textContent()).toMatch(/^→ /);
          if (full) {
            await key('Tab');
            await expectFocus(/^textbox How will you know/, 'then how will you know');
            await type(c.how!);
            await key('Tab');
            await expectFocus(/^textbox Support/, 'then support');
            await type(c.support!);
          }
          await key('Enter');
          await expect.poll(capturedTexts, { message: `"${c.text}" is captured` }).toContain(c.text);
        },
        `commitment-${i + 1}`,
      );
    }
    const items = (await api(v.ui, 'getSessionBundle', { sessionId: (await activeBundle()).session.id })).items;
    for (const k of KINDS) expect(items.find((i) => i.text === k.text)?.kind, k.text).toBe(k.kind);
    for (const c of COMMITMENTS) {
      const stored = items.find((i) => i.text === c.text);
      expect({ kind: stored?.kind, due: stored?.due, how: stored?.howWillYouKnow, support: stored?.support }, c.text).toEqual({
        kind: 'commitment',
        due: c.expected(),
        how: 'how' in c ? c.how : '',
        support: 'support' in c ? c.support : '',
      });
    }

    await step(
      'contract check-in: shifted',
      async () => {
        await key('Alt+1');
        await expectFocus(/^button Contract check-in/, 'Alt+1 on an agreed contract lands on "Contract check-in"');
        await key('Enter');
        await expectFocus(/^button Still on track/, 'the question opens on "Still on track"');
        await key('Tab');
        await expectFocus(/^textbox Shifted to/, 'Tab to "Shifted to"');
        await type(SHIFT);
        await key('Enter');
        await expect.poll(() => v.ui.getByRole('article').textContent()).toContain(`shifted to ${SHIFT}`);
      },
      'check-in',
    );

    const checkIns = (await activeBundle()).session.contract.checkIns;
    expect(checkIns.map((c) => ({ onTrack: c.onTrack, shiftedTo: c.shiftedTo }))).toEqual([{ onTrack: false, shiftedTo: SHIFT }]);

    await step(
      'end the session',
      async () => {
        await tabTo(/^button End session/, 4, true);
        await key('Enter');
        await expectFocus(/^button End session now/, 'the dialog opens on "End session now"');
        await key('Enter');
        await region('Session summary').getByRole('textbox', { name: 'Closing reflection', exact: true }).waitFor();
      },
      'ended',
    );
  });

  it('after the call: the summary closed, reopened from the client history and exported', async () => {
    await step(
      'close the summary',
      async () => {
        await expectFocus(/heading Session summary|h2 Session summary/, 'the summary opens on its heading');
        await tabTo(/^button Close summary/, BUDGETS['close the summary'] - 1);
        await key('Enter');
        await expectFocus(/^combobox Client/, 'closing the summary lands on the client picker');
      },
      'summary-closed',
    );

    await step(
      'reopen the summary from the client history',
      async () => {
        await type(CLIENT.slice(0, 6));
        await key('Enter');
        await expectFocus(/^button Start session/, 'choosing the client moves focus to Start session');
        // The history sits above "Start session" (once the client's preview has loaded, as the coach sees):
        // back past "Edit client details".
        await v.ui.getByText('Earlier sessions and their summaries', { exact: true }).waitFor();
        await tabTo(/Earlier sessions and their summaries/, 3, true);
        await key('Enter');
        await tabTo(/^button Open summary: .*argument with a client/, 2);
        await key('Enter');
        await region('Session summary').getByRole('textbox', { name: 'Closing reflection', exact: true }).waitFor();
      },
      'summary-reopened',
    );

    await step(
      'export Markdown from the reopened summary',
      async () => {
        await tabTo(/^button Download Markdown/, BUDGETS['export Markdown from the reopened summary'] - 1);
        const [file] = await Promise.all([v.page.waitForEvent('download'), key('Enter')]);
        const text = readFileSync((await file.path())!, 'utf8');
        expect(text).toContain(CONTRACT.topic);
        for (const c of COMMITMENTS) expect(text).toContain(c.text);
      },
      'summary-exported',
    );
  });

  it('session 2: back to the client, start, and review one commitment as each status by one key', async () => {
    await step(
      'back to the client and start the follow-up',
      async () => {
        await tabTo(/^button Back to the client/, BUDGETS['back to the client and start the follow-up'] - 2, true);
        await key('Enter');
        await expectFocus(/^button Start session/, 'back to the client, work continues at "Start session"');
        await key('Enter');
        await prior().waitFor();
      },
      'follow-up-started',
    );

    await step(
      'review one commitment as each status by one key',
      async () => {
        // "Start session" has already put focus on the first commitment to review (Alt+4 would too).
        const shown = await prior().locator('.commitment__what').allTextContents();
        expect([...shown].sort()).toEqual(COMMITMENTS.map((c) => c.text).sort());
        for (const [i, text] of shown.entries()) {
          const letter = LETTERS[i]!;
          reviewed.set(letter, text);
          await expect
            .poll(() => card(text).evaluate((el) => el.contains(document.activeElement)), { message: `focus is on "${text}"` })
            .toBe(true);
          await key(letter);
          if (letter === 'f') {
            await expectFocus(/^textbox New date/, '"f" asks for the new date first');
            await type('+14');
            await expect.poll(() => card(text).locator('.due-field__echo').textContent()).toMatch(/^→ /);
            await key('Enter');
          }
          await expectFocus(/^textbox Review note/, `after "${letter}" focus is on the note`);
          await type(`Reviewed with ${letter}`);
          await key('Enter');
        }
        await expect.poll(() => prior().textContent()).toContain('5 of 5 reviewed');
        await expectFocus(/^button On to the contract/, 'after the last review, "On to the contract"');
      },
      'reviewed',
    );
    const open = await api(v.ui, 'openCommitments', { clientId: (await activeBundle()).client.id, withReviewedInRunning: true });
    const statusOf = (text: string) => open.find((c) => c.item.text === text)?.lastReview;
    for (const [letter, text] of reviewed)
      expect({ status: statusOf(text)?.status, note: statusOf(text)?.note }, text).toEqual({
        status: STATUS[letter],
        note: `Reviewed with ${letter}`,
      });
    expect(open.find((c) => c.item.text === reviewed.get('f'))?.item.due).toBe(dayFromNow(14));

    await step(
      'on to the contract, then end the session',
      async () => {
        await key('Enter');
        await expectFocus(/^textbox Topic/, '"On to the contract" lands on Topic');
        await tabTo(/^button End session/, 3, true);
        await key('Enter');
        await expectFocus(/^button End session now/, 'the dialog opens on "End session now"');
        await key('Enter');
        await region('Session summary').getByRole('textbox', { name: 'Closing reflection', exact: true }).waitFor();
      },
      'follow-up-ended',
    );
  });

  it('session 3: partly done, not done and carried forward are back with their history', async () => {
    await step(
      'see partly and not done again in the third session',
      async () => {
        await tabTo(/^button Close summary/, 3);
        await key('Enter');
        await expectFocus(/^combobox Client/, 'closing the summary lands on the client picker');
        await startWith(CLIENT.slice(0, 6));
        await prior().waitFor();
      },
      'third-session',
    );
    const texts = await prior().locator('.commitment__what').allTextContents();
    expect(texts.sort()).toEqual([reviewed.get('p'), reviewed.get('n'), reviewed.get('f')].sort());
    const history = (letter: string) =>
      card(reviewed.get(letter)!).getByRole('list', { name: 'Earlier reviews', exact: true }).textContent();
    expect(await history('p')).toContain('Partly done — Reviewed with p');
    expect(await history('n')).toContain('Not done — Reviewed with n');
    expect(await history('f')).toMatch(/Carried forward · new date .+ — Reviewed with f/);
    // Done and dropped are off the table: the control above shows the list does show what is still open.
    expect(texts).not.toContain(reviewed.get('d'));
    expect(texts).not.toContain(reviewed.get('x'));
  });
});

describe('the counts', () => {
  it('wrote every step down', () => {
    writeFileSync(join(ARTIFACTS, 'kbd-key-counts.json'), JSON.stringify(counts, null, 2));
    console.log(counts.map((c) => `${c.step}: ${c.keys}/${c.budget} keys + ${c.text} typed [${c.pressed.join(' ')}]`).join('\n'));
    expect(counts.length).toBeGreaterThan(0);
    expect(errors(), errors().join('\n')).toEqual([]);
  });
});
