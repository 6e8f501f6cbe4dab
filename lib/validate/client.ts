/** Validation of client writes. */
import type { ClientPatch } from '../api/contract';
import type { Result } from '../api/result';
import { bool, email, guard, name, object, text, textList } from './fields';

export interface CleanClientInput {
  name: string;
  email: string;
  goals: string[];
  notes: string;
  keepNoNotes: boolean;
}

const clientName = (value: unknown) => name(value, 'name', "The client's name");
const goals = (value: unknown) => textList(value, 'goals', 'Coaching goals');

export function validateClientInput(input: unknown): Result<CleanClientInput> {
  return guard(() => {
    const i = object(input, 'input');
    return {
      name: clientName(i.name),
      email: email(i.email),
      goals: goals(i.goals),
      notes: text(i.notes, 'notes', 'The notes'),
      keepNoNotes: i.keepNoNotes === undefined ? false : bool(i.keepNoNotes, 'keepNoNotes', '"Keep no notes"'),
    };
  });
}

/** Only the fields present are checked and returned. */
export function validateClientPatch(patch: unknown): Result<ClientPatch> {
  return guard(() => {
    const p = object(patch, 'patch');
    const clean: ClientPatch = {};
    if (p.name !== undefined) clean.name = clientName(p.name);
    if (p.email !== undefined) clean.email = email(p.email);
    if (p.goals !== undefined) clean.goals = goals(p.goals);
    if (p.notes !== undefined) clean.notes = text(p.notes, 'notes', 'The notes');
    if (p.keepNoNotes !== undefined) clean.keepNoNotes = bool(p.keepNoNotes, 'keepNoNotes', '"Keep no notes"');
    if (p.archived !== undefined) clean.archived = bool(p.archived, 'archived', 'Archived');
    return clean;
  });
}
