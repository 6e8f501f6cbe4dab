import { describe, expect, it } from 'vitest';
import { API, API_METHODS, changesOf, isApiMethod, type ApiArgs, type ApiMethod, type CleanArgs } from '@/lib/api/contract';
import type { Result } from '@/lib/api/result';
import { check } from '@/lib/model/check';
import { expectInvalid, value } from '../model/expect-invalid';

/** What the store's handler would receive for these arguments (or the refusal). */
const input = <M extends ApiMethod>(method: M, args: unknown) =>
  check(API[method].input, args, (API[method] as { labels?: Record<string, string> }).labels) as Result<CleanArgs<M>>;
const ok = <M extends ApiMethod>(method: M, args: ApiArgs<M>) => value(input(method, args));

describe('the API table', () => {
  it('declares each method once, with an input schema, and knows only those', () => {
    expect(API_METHODS.length).toBeGreaterThan(30);
    for (const m of API_METHODS) expect(API[m].input, m).toBeTruthy();
    expect(isApiMethod('createClient')).toBe(true);
    expect(isApiMethod('constructor')).toBe(false);
    expect(isApiMethod('toString')).toBe(false);
  });
  it('says which topics a write emits, precisely', () => {
    expect(changesOf('updateContract', ok('updateContract', { sessionId: 's', patch: { topic: 'x' } }))).toEqual(['contract']);
    expect(changesOf('setDraft', ok('setDraft', { key: 'capture:s1', value: null }))).toEqual(['draft:capture:s1']);
    expect(changesOf('listClients', ok('listClients', {}))).toEqual([]);
    expect(changesOf('importBackup', ok('importBackup', { transfer: 't1', mode: 'merge' }))).toEqual(['all']);
  });
});

describe('clients', () => {
  it('cleans a full input and fills defaults', () => {
    expect(ok('createClient', { input: { name: '  Ana Lopez ', goals: [' Lead with calm ', ''] } })).toEqual({
      input: { name: 'Ana Lopez', email: '', goals: ['Lead with calm'], notes: '', keepNoNotes: false },
    });
  });
  it('refuses a missing input, an empty or long name, a bad email, long notes, a bad flag, goals not a list', () => {
    expectInvalid(input('createClient', { input: null }), 'input', /missing or malformed/);
    expectInvalid(input('createClient', { input: { name: ' ' } }), 'name', /client's name cannot be empty/);
    expectInvalid(input('createClient', { input: { name: 'n'.repeat(201) } }), 'name', /200/);
    expectInvalid(input('createClient', { input: { name: 'A', email: 'nope' } }), 'email');
    expectInvalid(input('createClient', { input: { name: 'A', notes: 'x'.repeat(20_001) } }), 'notes');
    expectInvalid(input('createClient', { input: { name: 'A', keepNoNotes: 'yes' } }), 'keepNoNotes');
    expectInvalid(input('createClient', { input: { name: 'A', goals: 'x' } }), 'goals');
  });
  it('a patch keeps only the fields present and checks each', () => {
    expect(ok('updateClient', { id: 'c1', patch: { email: ' a@b.co ' } }).patch).toEqual({ email: 'a@b.co' });
    expectInvalid(input('updateClient', { id: 'c1', patch: { name: '' } }), 'name');
    expectInvalid(input('updateClient', { id: 'c1', patch: { archived: 1 } }), 'archived');
    expectInvalid(input('updateClient', { id: 'c1', patch: 'x' }), 'patch');
  });
});

describe('items and reviews', () => {
  it('keeps commitment fields on commitments only', () => {
    expect(
      ok('addItem', { sessionId: 's', input: { kind: 'commitment', text: 'Call Sam', due: '2026-12-01', howWillYouKnow: 'a text' } }).input,
    ).toEqual({
      kind: 'commitment',
      text: 'Call Sam',
      due: '2026-12-01',
      howWillYouKnow: 'a text',
      support: '',
    });
    expect(ok('addItem', { sessionId: 's', input: { kind: 'note', text: 'n', due: '2026-12-01', shareable: true } }).input).toMatchObject({
      due: '',
      shareable: true,
    });
  });
  it('refuses bad kinds, text, dates and flags, naming the field', () => {
    const add = (i: unknown) => input('addItem', { sessionId: 's', input: i });
    expectInvalid(add({ kind: 'task', text: 'x' }), 'kind', /commitment, note/);
    expectInvalid(add({ kind: 'note', text: '  ' }), 'text', /What was captured cannot be empty/);
    expectInvalid(add({ kind: 'note', text: 'x'.repeat(20_001) }), 'text', /at most 20,000/);
    expectInvalid(add({ kind: 'commitment', text: 'x', due: '2026-02-31' }), 'due');
    expectInvalid(add({ kind: 'commitment', text: 'x', howWillYouKnow: 'x'.repeat(20_001) }), 'howWillYouKnow');
    expectInvalid(add({ kind: 'commitment', text: 'x', support: 'x'.repeat(20_001) }), 'support');
    expectInvalid(add({ kind: 'note', text: 'x', shareable: 'no' }), 'shareable');
  });
  it('a patch returns only the fields present', () => {
    expect(ok('updateItem', { id: 'i', patch: { order: 3, shareable: false } }).patch).toEqual({ order: 3, shareable: false });
    for (const [patch, field] of [
      [{ text: '' }, 'text'],
      [{ kind: 'x' }, 'kind'],
      [{ due: '31/12/2026' }, 'due'],
      [{ order: 'first' }, 'order'],
    ] as const) {
      expectInvalid(input('updateItem', { id: 'i', patch }), field);
    }
  });
  it('a whole item comes back (undo) checked field by field', () => {
    const item = {
      id: 'i1',
      sessionId: 's1',
      clientId: 'c1',
      kind: 'commitment',
      text: 'x',
      shareable: true,
      order: 2,
      createdAt: Date.UTC(2026, 0, 1),
      updatedAt: Date.UTC(2026, 0, 2),
      due: '',
      howWillYouKnow: '',
      support: '',
      reviews: [{ sessionId: 's2', status: 'done', note: '', at: Date.UTC(2026, 0, 3) }],
      open: 0,
    };
    expect(ok('restoreItem', { item: item as never }).item).toEqual(item);
    expectInvalid(input('restoreItem', { item: { ...item, id: undefined } }), 'id');
    expectInvalid(input('restoreItem', { item: { ...item, reviews: [{ sessionId: 's2', status: 'finished', at: 3 }] } }), 'reviews');
    expectInvalid(input('restoreItem', { item: { ...item, reviews: 'none' } }), 'reviews');
    expectInvalid(input('restoreItem', { item: { ...item, createdAt: 'yesterday' } }), 'createdAt');
  });
  it('reviews take each status and refuse others', () => {
    for (const status of ['done', 'partly', 'not-done', 'dropped', 'carried-forward'] as const) {
      expect(ok('reviewCommitment', { itemId: 'i', sessionId: 's', status }).status).toBe(status);
    }
    expectInvalid(input('reviewCommitment', { itemId: 'i', sessionId: 's', status: 'open' }), 'status');
    expectInvalid(input('reviewCommitment', { itemId: 'i', sessionId: 's', status: 'done', note: 'x'.repeat(20_001) }), 'note');
  });
});

describe('sessions', () => {
  it('a contract patch returns only the fields present and ignores unknown ones', () => {
    expect(
      ok('updateContract', {
        sessionId: 's',
        patch: { topic: 'Delegation ', agreements: { confidentiality: true }, checkIns: [1] } as never,
      }).patch,
    ).toEqual({
      topic: 'Delegation ',
      agreements: { confidentiality: true },
    });
    expect(ok('updateContract', { sessionId: 's', patch: { goalId: null, focus: 'both' } }).patch).toEqual({ goalId: null, focus: 'both' });
  });
  it.each(['topic', 'desiredOutcome', 'whyItMatters', 'successMeasures', 'notes'])('refuses over-long %s', (f) =>
    expectInvalid(input('updateContract', { sessionId: 's', patch: { [f]: 'x'.repeat(20_001) } }), f, /20,000/),
  );
  it('refuses an unknown focus, a non-boolean agreement, malformed agreements and an empty goal id', () => {
    expectInvalid(input('updateContract', { sessionId: 's', patch: { focus: 'later' } }), 'focus');
    expectInvalid(
      input('updateContract', { sessionId: 's', patch: { agreements: { recordingConsent: 'yes' } } }),
      'agreements.recordingConsent',
      /Recording consent/,
    );
    expectInvalid(input('updateContract', { sessionId: 's', patch: { agreements: 'yes' } }), 'agreements');
    expectInvalid(input('updateContract', { sessionId: 's', patch: { goalId: '' } }), 'goalId');
  });
  it('timer actions, planned minutes, the reflection and asked questions', () => {
    for (const type of ['start', 'pause', 'resume', 'reset'] as const)
      expect(ok('timer', { sessionId: 's', action: { type } }).action).toEqual({ type });
    expect(ok('timer', { sessionId: 's', action: { type: 'set-length', minutes: 45 } }).action).toEqual({
      type: 'set-length',
      minutes: 45,
    });
    expectInvalid(input('timer', { sessionId: 's', action: { type: 'stop' } }), 'action');
    expectInvalid(input('timer', { sessionId: 's', action: { type: 'set-length', minutes: 300 } }), 'action.minutes', /between 5 and 240/);
    expect(ok('startSession', { clientId: 'c' }).plannedMinutes).toBeUndefined();
    expectInvalid(input('startSession', { clientId: 'c', plannedMinutes: 2 }), 'plannedMinutes');
    expectInvalid(input('setReflection', { sessionId: 's', text: 'x'.repeat(20_001) }), 'text', /The reflection is too long/);
    expectInvalid(input('markAsked', { sessionId: 's', questionId: '' }), 'questionId');
    expect(ok('markAsked', { sessionId: 's', questionId: 'b:goal:01' })).toEqual({ sessionId: 's', questionId: 'b:goal:01', asked: true });
  });
});

describe('questions, drafts, ranges, search', () => {
  it('trims question text and lower-cases, dedupes tags', () => {
    expect(ok('addQuestion', { stage: 'goal', text: ' What now? ', tags: ['Short', 'short', ' '] })).toEqual({
      stage: 'goal',
      text: 'What now?',
      tags: ['short'],
    });
  });
  it('refuses unknown stages, empty and long questions, long tags', () => {
    expectInvalid(input('addQuestion', { stage: 'middle', text: 'x' }), 'stage');
    expectInvalid(input('addQuestion', { stage: 'goal', text: ' ' }), 'text', /The question cannot be empty/);
    expectInvalid(input('addQuestion', { stage: 'goal', text: 'x'.repeat(1_001) }), 'text', /1,000/);
    expectInvalid(input('addQuestion', { stage: 'goal', text: 'x', tags: ['t'.repeat(41)] }), 'tags');
  });
  it('patches and marks only what is present', () => {
    expect(ok('updateQuestion', { id: 'c:1', tags: ['A'] })).toEqual({ id: 'c:1', tags: ['a'] });
    expectInvalid(input('updateQuestion', { id: 'c:1', stage: 'x' }), 'stage');
    expect(ok('setQuestionPref', { questionId: 'q', hidden: true })).toEqual({ questionId: 'q', hidden: true });
    expectInvalid(input('setQuestionPref', { questionId: 'q', favourite: 'yes' }), 'favourite');
  });
  it('drafts: a value or a clear; a key; nothing huge', () => {
    expect(ok('setDraft', { key: 'capture:s1', value: { text: 'half' } })).toEqual({ key: 'capture:s1', value: { text: 'half' } });
    expect(ok('setDraft', { key: 'capture:s1', value: null }).value).toBeNull();
    expectInvalid(input('setDraft', { key: '', value: {} }), 'key');
    expectInvalid(input('setDraft', { key: 'k', value: 'text' }), 'value');
    expectInvalid(input('setDraft', { key: 'k', value: { text: 'x'.repeat(100_001) } }), 'value', /too long/);
  });
  it('a day range is checked and ordered', () => {
    expect(ok('dueBetween', { from: '2026-12-01', to: '2026-12-31' })).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expectInvalid(input('dueBetween', { from: '2026-12-31', to: '2026-12-01' }), 'from', /after the end/);
    expectInvalid(input('dueBetween', { from: '2026-12-01', to: '2026-13-01' }), 'to');
  });
  it('a search reads at most 200 characters and returns at most 100 results', () => {
    expect(ok('search', { query: 'q'.repeat(500) }).query).toHaveLength(200);
    expect(ok('search', { query: 'x', limit: 1000 }).limit).toBe(100);
    expect(ok('search', { query: 'x' }).limit).toBe(20);
  });
});
