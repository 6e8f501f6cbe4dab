// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '@/lib/api/result';
import type { Session } from '@/lib/model/types';
import { ContractPanel } from '@/components/contract/ContractPanel';
import { fakeEnv, type FakeEnv } from '../../helpers/fake-env';
import { aContract, aSession, NOW } from '../app/fixtures';
import { axeViolations } from '../app/axe';
import { renderWithEnv } from '../app/render';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const settle = (ms = 0) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

function show(env: FakeEnv, session: Session = aSession(), extra: { onSaved?: () => void; onQuestions?: () => void } = {}) {
  const panel = (s: Session) => (
    <ContractPanel session={s} onSaved={extra.onSaved ?? (() => {})} onContractingQuestions={extra.onQuestions ?? (() => {})} />
  );
  const view = renderWithEnv(env, panel(session));
  return { rerender: (next: Session) => view.rerender(panel(next)) };
}

const saving = () => fakeEnv({ api: { updateContract: async () => ok(aSession()) } });

describe('ContractPanel: the form', () => {
  it('names every field as the spec says and puts the prompt beside it', () => {
    show(saving());
    for (const name of ['Topic', 'Desired outcome', 'Why it matters', 'Success measures']) {
      expect(screen.getByRole('textbox', { name })).toBeTruthy();
    }
    expect(screen.getByRole('textbox', { name: 'Desired outcome' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('What would you like to be different by the end of our session?')).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'In-session work' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Out-of-session work' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Confidentiality agreed' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Recording consent' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Permission to offer ideas' })).toBeTruthy();
  });

  it('autosaves a field at most 300 ms after its first unsaved keystroke, sending only that field', async () => {
    const env = saving();
    const onSaved = vi.fn();
    show(env, aSession(), { onSaved });
    const topic = screen.getByRole('textbox', { name: 'Topic' });
    fireEvent.input(topic, { target: { value: 'Team' } });
    await settle(200);
    fireEvent.input(topic, { target: { value: 'Team conflict' } });
    await settle(99);
    expect(env.api.updateContract).not.toHaveBeenCalled();
    await settle(1);
    expect(env.api.updateContract).toHaveBeenCalledTimes(1);
    expect(env.api.updateContract).toHaveBeenCalledWith({ sessionId: 's1', patch: { topic: 'Team conflict' }, base: { topic: '' } });
    expect(onSaved).toHaveBeenCalled();

    fireEvent.input(screen.getByRole('textbox', { name: 'Success measures' }), { target: { value: 'A first step I believe in' } });
    await settle(300);
    expect(env.api.updateContract).toHaveBeenLastCalledWith({
      sessionId: 's1',
      patch: { successMeasures: 'A first step I believe in' },
      base: { successMeasures: '' },
    });
  });

  it('saves focus and agreements the moment they change', async () => {
    const env = saving();
    show(env);
    await act(async () => void fireEvent.click(screen.getByRole('radio', { name: 'Out-of-session work' })));
    expect(env.api.updateContract).toHaveBeenLastCalledWith({ sessionId: 's1', patch: { focus: 'out-of-session' } });
    await act(async () => void fireEvent.click(screen.getByRole('checkbox', { name: 'Confidentiality agreed' })));
    expect(env.api.updateContract).toHaveBeenLastCalledWith({ sessionId: 's1', patch: { agreements: { confidentiality: true } } });
  });

  it('links the session to one of the engagement’s active goals (the goal choice), and can unlink it', async () => {
    const env = saving();
    const goals = [
      { id: 'g1', text: 'Lead with calm', status: 'active' as const },
      { id: 'g2', text: 'Old goal', status: 'dropped' as const },
    ];
    renderWithEnv(env, <ContractPanel session={aSession()} goals={goals} onSaved={() => {}} onContractingQuestions={() => {}} />);
    const choice = screen.getByRole('combobox', { name: 'Engagement goal' });
    expect([...choice.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['No goal linked', 'Lead with calm']);
    await act(async () => void fireEvent.change(choice, { target: { value: 'g1' } }));
    expect(env.api.updateContract).toHaveBeenLastCalledWith({ sessionId: 's1', patch: { goalId: 'g1' } });
    await act(async () => void fireEvent.change(choice, { target: { value: '' } }));
    expect(env.api.updateContract).toHaveBeenLastCalledWith({ sessionId: 's1', patch: { goalId: null } });
  });

  it('the contract card names the linked engagement goal', () => {
    const session = aSession({ contract: aContract({ desiredOutcome: 'A first step', goalId: 'g1' }) });
    renderWithEnv(
      saving(),
      <ContractPanel
        session={session}
        goals={[{ id: 'g1', text: 'Lead with calm' }]}
        onSaved={() => {}}
        onContractingQuestions={() => {}}
      />,
    );
    expect(screen.getByText('Engagement goal').nextElementSibling!.textContent).toBe('Lead with calm');
  });

  it('offers no goal choice while the engagement has no goals', () => {
    show(saving());
    expect(screen.getByRole('textbox', { name: 'Topic' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Engagement goal' })).toBeNull();
  });

  it('shows agreements carried from an earlier session as agreed, with the date; the coach can still untick', async () => {
    const env = saving();
    const carried = aSession({
      contract: aContract({
        agreements: { confidentiality: true, recordingConsent: true, permissionToOffer: false },
        agreedAt: { confidentiality: Date.UTC(2026, 10, 3, 10), recordingConsent: Date.UTC(2026, 10, 17, 10) },
      }),
    });
    show(env, carried);
    const confidentiality = screen.getByRole('checkbox', { name: 'Confidentiality agreed' });
    expect(confidentiality).toHaveProperty('checked', true);
    expect(document.getElementById(confidentiality.getAttribute('aria-describedby')!)?.textContent).toMatch(/^agreed .*3/);
    const recording = screen.getByRole('checkbox', { name: 'Recording consent' });
    expect(document.getElementById(recording.getAttribute('aria-describedby')!)?.textContent).toMatch(/^agreed .*17/);
    // Control: permission to offer is not agreed and shows no date.
    expect(screen.getByRole('checkbox', { name: 'Permission to offer ideas' }).getAttribute('aria-describedby')).toBeNull();
    await act(async () => void fireEvent.click(recording));
    expect(env.api.updateContract).toHaveBeenLastCalledWith({ sessionId: 's1', patch: { agreements: { recordingConsent: false } } });
    expect(recording.getAttribute('aria-describedby')).toBeNull();
  });

  it('a failed write shows what failed, keeps the text, and retries', async () => {
    const update = vi.fn(async () => fail('storage', 'The browser refused the write (quota).'));
    const env = fakeEnv({ api: { updateContract: update } });
    show(env);
    const outcome = screen.getByRole('textbox', { name: 'Desired outcome' });
    fireEvent.input(outcome, { target: { value: 'Know my next step with Sam' } });
    await settle(300);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Desired outcome was not saved.');
    expect(alert.textContent).toContain('quota');
    expect(alert.textContent).toContain('Your text is kept here.');
    expect(outcome).toHaveProperty('value', 'Know my next step with Sam');
    update.mockImplementation(async () => ok(aSession()) as never);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Retry' })));
    await settle();
    expect(update).toHaveBeenLastCalledWith({
      sessionId: 's1',
      patch: { desiredOutcome: 'Know my next step with Sam' },
      base: { desiredOutcome: '' },
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not overwrite what is being typed when the stored contract arrives', async () => {
    const env = saving();
    const { rerender } = renderWithEnv(env, <ContractPanel session={aSession()} onSaved={() => {}} onContractingQuestions={() => {}} />);
    const topic = screen.getByRole('textbox', { name: 'Topic' }) as HTMLInputElement;
    topic.focus();
    fireEvent.input(topic, { target: { value: 'Mine' } });
    rerender(
      <ContractPanel
        session={aSession({ contract: aContract({ topic: 'Theirs' }) })}
        onSaved={() => {}}
        onContractingQuestions={() => {}}
      />,
    );
    expect(topic.value).toBe('Mine');
  });

  it('takes the words another view stored at once, even while the field has focus, when nothing typed here waits', async () => {
    const env = saving();
    const { rerender } = renderWithEnv(env, <ContractPanel session={aSession()} onSaved={() => {}} onContractingQuestions={() => {}} />);
    const topic = screen.getByRole('textbox', { name: 'Topic' }) as HTMLInputElement;
    topic.focus();
    rerender(
      <ContractPanel
        session={aSession({ contract: aContract({ topic: 'Theirs' }) })}
        onSaved={() => {}}
        onContractingQuestions={() => {}}
      />,
    );
    expect(topic.value).toBe('Theirs');
    expect(document.activeElement).toBe(topic);
    expect(screen.queryByRole('group', { name: /changed in another view/ })).toBeNull();
    await settle(400);
    expect(env.api.updateContract).not.toHaveBeenCalled();
  });

  it('opens the contracting questions', () => {
    const onQuestions = vi.fn();
    show(saving(), aSession(), { onQuestions });
    fireEvent.click(screen.getByRole('button', { name: 'Contracting questions' }));
    expect(onQuestions).toHaveBeenCalled();
  });

  it('has no axe violations', async () => {
    show(saving());
    vi.useRealTimers();
    expect(await axeViolations()).toEqual([]);
  });
});

describe('ContractPanel: the card', () => {
  const agreed = aSession({
    contract: aContract({
      topic: 'Team conflict',
      desiredOutcome: 'Know my next step with Sam',
      focus: 'in-session',
      agreements: { confidentiality: true, recordingConsent: false, permissionToOffer: true },
    }),
  });

  it('shows the agreed contract compactly; a check-in asks with the contract in view and records on track', async () => {
    const checkedIn = { ...agreed, contract: { ...agreed.contract, checkIns: [{ at: NOW, onTrack: true, shiftedTo: '' }] } };
    const env = fakeEnv({ api: { contractCheckIn: async () => ok(checkedIn) } });
    const onSaved = vi.fn();
    show(env, agreed, { onSaved });
    expect(screen.getByRole('heading', { name: 'Team conflict' })).toBeTruthy();
    expect(screen.getByText('Know my next step with Sam')).toBeTruthy();
    expect(screen.getByText('Confidentiality · Offering ideas')).toBeTruthy();
    expect(screen.getByText('Not checked in yet')).toBeTruthy();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Contract check-in' })));
    // Nothing is recorded until the question is answered.
    expect(env.api.contractCheckIn).not.toHaveBeenCalled();
    const ask = screen.getByRole('group', { name: 'Still on track, or has it shifted?' });
    expect(ask.textContent).toContain('Agreed: Team conflict — Know my next step with Sam');
    const onTrack = within(ask).getByRole('button', { name: 'Still on track' });
    expect(document.activeElement).toBe(onTrack);
    await act(async () => void fireEvent.click(onTrack));
    expect(env.api.contractCheckIn).toHaveBeenCalledWith({ sessionId: 's1', onTrack: true, shiftedTo: '' });
    expect(onSaved).toHaveBeenCalledWith(checkedIn);
  });

  it('records a shift in the client’s words with Enter, and shows each answer', async () => {
    const shifted = {
      ...agreed,
      contract: {
        ...agreed.contract,
        checkIns: [
          { at: NOW, onTrack: true, shiftedTo: '' },
          { at: NOW + 60_000, onTrack: false, shiftedTo: 'How to tell my boss' },
        ],
      },
    };
    const env = fakeEnv({ api: { contractCheckIn: async () => ok(shifted) } });
    const onSaved = vi.fn();
    const { rerender } = show(env, agreed, { onSaved });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Contract check-in' })));
    const field = screen.getByRole('textbox', { name: 'Shifted to' });
    // Enter on an empty field records nothing (a shift needs its words).
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(env.api.contractCheckIn).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: 'How to tell my boss' } });
    await act(async () => void fireEvent.keyDown(field, { key: 'Enter' }));
    expect(env.api.contractCheckIn).toHaveBeenCalledWith({ sessionId: 's1', onTrack: false, shiftedTo: 'How to tell my boss' });
    rerender(shifted);
    expect(screen.getByText(/Checked in 2 times, last at .*: shifted to How to tell my boss/)).toBeTruthy();
    const log = screen.getByRole('list', { name: 'Check-ins' });
    expect(
      within(log)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/\d \w*\s?on track$/), expect.stringMatching(/\d \w*\s?shifted to How to tell my boss$/)]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Contract check-in' }));
  });

  it('once agreed and the coach moves to another tab, shows as the card, its check-in where Alt+1 lands', () => {
    const panel = (s: Session, shown: boolean) => (
      <ContractPanel session={s} shown={shown} onSaved={() => {}} onContractingQuestions={() => {}} />
    );
    const open = aSession({ contract: aContract({ topic: 'Team conflict' }) });
    const view = renderWithEnv(saving(), panel(open, true));
    // Control: without a desired outcome, leaving the tab keeps the form (nothing is agreed yet).
    view.rerender(panel(open, false));
    view.rerender(panel(open, true));
    expect(screen.getByRole('textbox', { name: 'Topic' })).toBeTruthy();
    // Agreed while shown: still the form, the coach may go on typing.
    view.rerender(panel(agreed, true));
    expect(screen.getByRole('textbox', { name: 'Desired outcome' })).toBeTruthy();
    view.rerender(panel(agreed, false));
    view.rerender(panel(agreed, true));
    expect(screen.queryByRole('textbox', { name: 'Topic' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Contract check-in' }).hasAttribute('data-focus-target')).toBe(true);
  });

  it('goes back to the form to edit', () => {
    show(saving(), agreed);
    fireEvent.click(screen.getByRole('button', { name: 'Edit contract' }));
    expect(screen.getByRole('textbox', { name: 'Topic' })).toHaveProperty('value', 'Team conflict');
  });

  it('says when a check-in failed', async () => {
    const env = fakeEnv({ api: { contractCheckIn: async () => fail('unavailable', 'Holdspace is restarting.') } });
    show(env, agreed);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Contract check-in' })));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Still on track' })));
    expect(screen.getByRole('alert').textContent).toContain('The check-in was not recorded.');
  });
});
