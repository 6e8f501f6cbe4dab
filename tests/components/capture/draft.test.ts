import { describe, expect, it } from 'vitest';
import { emptyDraft, isBlank, readDraft, toItemInput } from '@/components/capture/draft';

/** Tuesday 1 December 2026, 10:00 local time. */
const NOW = new Date(2026, 11, 1, 10).getTime();

describe('capture draft', () => {
  it('restores a stored draft and repairs what is malformed', () => {
    expect(readDraft(null, 'note')).toBeNull();
    expect(readDraft({ text: 'Hi', kind: 'wish', dueText: 3 }, 'note')).toEqual({ ...emptyDraft('note'), text: 'Hi' });
    expect(readDraft({ text: 'Run', kind: 'commitment', dueText: 'fri', dueTime: '2pm', support: 'A friend' }, 'note')).toEqual({
      ...emptyDraft('commitment'),
      text: 'Run',
      dueText: 'fri',
      dueTime: '2pm',
      support: 'A friend',
    });
  });

  it('reads the due date of a draft saved before dates were typed', () => {
    expect(readDraft({ text: 'Run', kind: 'commitment', dueDate: '2026-11-28', dueTime: '09:30' }, 'note')).toEqual({
      ...emptyDraft('commitment'),
      text: 'Run',
      dueText: '2026-11-28',
      dueTime: '09:30',
    });
  });

  it('is blank only when nothing is typed', () => {
    expect(isBlank(emptyDraft('insight'))).toBe(true);
    expect(isBlank({ ...emptyDraft('commitment'), support: 'x' })).toBe(false);
    expect(isBlank({ ...emptyDraft('commitment'), dueText: 'fri' })).toBe(false);
  });

  it('adds only the words for most kinds, and the accountability for a commitment', () => {
    expect(toItemInput({ ...emptyDraft('note'), text: ' Tired today ', support: 'ignored', dueText: 'fri' }, NOW, 'dm')).toEqual({
      kind: 'note',
      text: 'Tired today',
    });
    expect(
      toItemInput(
        { text: 'Call Sam', kind: 'commitment', dueText: 'fri', dueTime: '', howWillYouKnow: ' A text ', support: '' },
        NOW,
        'dm',
      ),
    ).toEqual({ kind: 'commitment', text: 'Call Sam', due: '2026-12-04', howWillYouKnow: 'A text', support: '' });
  });

  it('reads the typed due date and its time relative to now, in the day/month order given', () => {
    const input = (dueText: string, dueTime = '', order: 'dm' | 'md' = 'dm') =>
      toItemInput({ ...emptyDraft('commitment'), text: 'Run', dueText, dueTime }, NOW, order);
    expect(input('+14').due).toBe('2026-12-15');
    expect(input('fri', '2pm').due).toBe('2026-12-04T14:00');
    expect(input('3/1', '', 'dm').due).toBe('2027-01-03');
    expect(input('3/1', '', 'md').due).toBe('2027-03-01');
    expect(input('').due).toBe('');
  });

  it('never blocks on a due date it does not understand, and keeps the words with the commitment', () => {
    expect(toItemInput({ ...emptyDraft('commitment'), text: 'Call Sam', dueText: 'soonish' }, NOW, 'dm')).toEqual({
      kind: 'commitment',
      text: 'Call Sam (by when: soonish)',
      due: '',
      howWillYouKnow: '',
      support: '',
    });
    expect(toItemInput({ ...emptyDraft('commitment'), text: 'Call Sam', dueText: 'fri', dueTime: 'teatime' }, NOW, 'dm').text).toBe(
      'Call Sam (by when: fri teatime)',
    );
  });
});
