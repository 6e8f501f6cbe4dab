import type { ContractTextField } from '@/lib/model/types';

/** The contract's text fields, in the order a coach contracts, with what to ask beside each. */
export const CONTRACT_FIELDS: { field: ContractTextField; label: string; prompt: string; multiline: boolean }[] = [
  { field: 'topic', label: 'Topic', prompt: 'What would you like to focus on today?', multiline: false },
  {
    field: 'desiredOutcome',
    label: 'Desired outcome',
    prompt: 'What would you like to be different by the end of our session?',
    multiline: true,
  },
  { field: 'whyItMatters', label: 'Why it matters', prompt: 'Why is this important to you now?', multiline: true },
  { field: 'successMeasures', label: 'Success measures', prompt: 'How will we know this session was useful?', multiline: true },
];

export const FOCUS_PROMPT = 'Is the work here in the session, or in what you will do after it?';
export const AGREEMENTS_PROMPT = 'Confirm confidentiality, ask before recording, and ask before offering ideas.';
