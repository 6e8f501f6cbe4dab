/** A small, whole record for the backup tests: two clients, their sessions and items, own questions. */
import type { BackupRecords } from '@/lib/backup/format';
import { bundle, client, item, session, T0 } from '../export/fixtures';

export const NOW = Date.UTC(2026, 10, 21, 9, 30, 0);

export function records(): BackupRecords {
  const b = bundle();
  const s0 = session({ id: 's0', startedAt: T0 - 7 * 86_400_000, endedAt: T0 - 7 * 86_400_000 + 3_600_000, reflection: '' });
  const prior = b.reviewed.map((r) => r.item);
  const other = client({ id: 'c2', name: 'Sam Lee', email: '', goals: [{ id: 'g1', text: 'Delegate more' }] });
  const s9 = session({ id: 's9', clientId: 'c2', status: 'active', endedAt: null });
  return {
    clients: [b.client, other],
    sessions: [s0, b.session, s9],
    items: [...prior, ...b.items, item('note', '<img src=x onerror=alert(1)> is just text', { id: 'z1', sessionId: 's9', clientId: 'c2' })],
    questions: [{ id: 'c:q1', stage: 'goal', text: 'What matters most today?', tags: ['opening'], builtin: false }],
    questionPrefs: [
      { questionId: 'c:q1', favourite: true, hidden: false, updatedAt: T0 },
      { questionId: 'b:goal-1', favourite: false, hidden: true, updatedAt: T0 },
    ],
    settings: { defaultLengthMinutes: 45, theme: 'dark' },
  };
}
