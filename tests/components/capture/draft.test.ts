import { describe, expect, it } from 'vitest';
import { emptyDraft, isBlank, joinDue, readDraft, splitDue, toItemInput } from '@/components/capture/draft';

describe('capture draft', () => {
  it('restores a stored draft and repairs what is malformed', () => {
    expect(readDraft(null, 'note')).toBeNull();
    expect(readDraft({ text: 'Hi', kind: 'wish', dueDate: 3 }, 'note')).toEqual({ ...emptyDraft('note'), text: 'Hi' });
    expect(readDraft({ text: 'Run', kind: 'commitment', dueDate: '2026-11-28', support: 'A friend' }, 'note')).toEqual({
      ...emptyDraft('commitment'),
      text: 'Run',
      dueDate: '2026-11-28',
      support: 'A friend',
    });
  });

  it('is blank only when nothing is typed', () => {
    expect(isBlank(emptyDraft('insight'))).toBe(true);
    expect(isBlank({ ...emptyDraft('commitment'), support: 'x' })).toBe(false);
  });

  it('joins and splits a due date with an optional time', () => {
    expect(joinDue('2026-11-28', '09:30')).toBe('2026-11-28T09:30');
    expect(joinDue('2026-11-28', '')).toBe('2026-11-28');
    expect(joinDue('', '09:30')).toBe('');
    expect(splitDue('2026-11-28T09:30')).toEqual({ date: '2026-11-28', time: '09:30' });
    expect(splitDue('')).toEqual({ date: '', time: '' });
  });

  it('adds only the words for most kinds, and the accountability for a commitment', () => {
    expect(toItemInput({ ...emptyDraft('note'), text: ' Tired today ', support: 'ignored' })).toEqual({
      kind: 'note',
      text: 'Tired today',
    });
    expect(
      toItemInput({ text: 'Call Sam', kind: 'commitment', dueDate: '2026-11-28', dueTime: '', howWillYouKnow: ' A text ', support: '' }),
    ).toEqual({ kind: 'commitment', text: 'Call Sam', due: '2026-11-28', howWillYouKnow: 'A text', support: '' });
  });
});
