// The search index's snapshot (lib/search/snapshot.ts) relies on MiniSearch 7.2.0's internals: these tests
// compare a loaded snapshot with the live index it was taken from — every search, then the same writes on
// both, down to the whole serialized state — so they fail if the lazy maps miss a Map method MiniSearch
// calls, or if an upgrade changes what its private fields hold.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '@/lib/search/documents';
import { LazyMap } from '@/lib/search/lazy-maps';
import { INDEX_OPTIONS } from '@/lib/search/search-index';
import { encodeSnapshot, loadSnapshot, SNAPSHOT_VERSION } from '@/lib/search/snapshot';
import { clientName, prng, sessionText } from '@/tests/bench/seed/seed-text';

/** A small record as the index holds it: clients (name and body), sessions and items (text, some with a body). */
function seedDocs(clients: number, sessions: number): SearchDoc[] {
  const rand = prng(13);
  const docs: SearchDoc[] = [];
  for (let c = 0; c < clients; c++) {
    docs.push({ id: `k:${c}`, name: clientName(c), body: c % 3 ? 'sponsor: the board' : '' });
    for (let s = 0; s < sessions; s++) {
      const t = sessionText(rand, 8, 1);
      docs.push({ id: `s:${c}-${s}`, text: t.topic, body: t.desiredOutcome });
      t.commitments.forEach((k, i) => docs.push({ id: `i:${c}-${s}-${i}`, text: k.text, body: i % 2 ? k.howWillYouKnow : undefined }));
      t.notes.forEach((n, i) => docs.push({ id: `i:${c}-${s}-n${i}`, text: n }));
    }
  }
  return docs;
}

const DOCS = seedDocs(30, 12); // about 3,600 documents
const QUERIES = ['deleg', 'budget', 'feedb', 'b', 'delegaton', 'meetnigs', 'board sponsor', 'priya', 'trust manager', 'zzqx', 'the'];

function liveIndex(docs = DOCS): MiniSearch<SearchDoc> {
  const ms = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
  ms.addAll(docs);
  return ms;
}

const load = (ms: MiniSearch<SearchDoc>) => loadSnapshot<SearchDoc>(encodeSnapshot(ms), INDEX_OPTIONS)!;

/**
 * Everything a search returns (ids, exact scores, terms and where they matched, in order), for many queries and
 * modes; as JSON text, which keeps every digit of a score and compares much faster than the objects.
 */
function answers(ms: MiniSearch<SearchDoc>): string {
  return JSON.stringify([
    ...QUERIES.map((q) => ms.search(q)),
    ...QUERIES.map((q) => ms.search(q, { combineWith: 'OR', prefix: false, fuzzy: 0.2 })),
    ms.search(MiniSearch.wildcard),
  ]);
}

/** The same writes, as the worker makes them after a load: add, replace, discard, remove, then a vacuum. */
async function write(ms: MiniSearch<SearchDoc>): Promise<void> {
  ms.add({ id: 'i:new', text: 'Delegate the budget review', body: 'ask the sponsor' });
  ms.replace({ id: 'i:0-0-0', text: 'Prepare the budget with the board' });
  ms.replace({ id: 'k:1', name: 'Priya Renamed', body: 'budget owner' });
  ms.discard('s:2-3');
  ms.discard('i:3-1-n0');
  ms.remove(DOCS.find((d) => d.id === 'i:4-4-1')!);
  expect(ms.has('s:2-3')).toBe(false);
  expect(ms.has('i:0-0-0')).toBe(true);
  await ms.vacuum();
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

const decoded = (ms: MiniSearch<SearchDoc>) => {
  const terms = [...(ms as unknown as { _index: Iterable<[string, Map<number, unknown>]> })._index];
  return terms.filter(([, data]) => !(data instanceof LazyMap) || data.filled).length;
};

describe('search index snapshot', () => {
  it('a loaded snapshot answers every search exactly as the index it was taken from', () => {
    const live = liveIndex();
    const loaded = load(live);
    expect(loaded.documentCount).toBe(live.documentCount);
    expect(loaded.termCount).toBe(live.termCount);
    expect(QUERIES.slice(0, 5).every((q) => live.search(q).length > 0)).toBe(true); // control: the queries find things
    expect(answers(loaded)).toBe(answers(live));
  });

  it('decodes a term’s postings only when a search reaches it', () => {
    const loaded = load(liveIndex());
    expect(decoded(loaded)).toBe(0);
    expect(loaded.search('budget').length).toBeGreaterThan(0);
    const afterOne = decoded(loaded);
    expect(afterOne).toBeGreaterThan(0);
    expect(afterOne).toBeLessThan(loaded.termCount / 4);
  });

  it('writes after a load (add, replace, discard, remove, vacuum) leave the same index as on the live one', async () => {
    const live = liveIndex();
    const loaded = load(live);
    loaded.search('deleg'); // some postings decoded, most not
    await write(live);
    await write(loaded);
    expect(answers(loaded)).toBe(answers(live));
    // The whole state, through MiniSearch's own serialization (ids, field lengths, averages, every posting).
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(live));
    expect(loaded.dirtCount).toBe(live.dirtCount);
  });

  it('each first use right after a load finds the loaded state (has, discard, vacuum, serialization)', async () => {
    const live = liveIndex();
    // MiniSearch's whole state, read first thing (it iterates every term's postings and every id).
    expect(JSON.stringify(load(live))).toBe(JSON.stringify(live));

    let loaded = load(live);
    expect(loaded.has('i:0-0-0')).toBe(true); // the id → short id map's first use is `has`
    expect(loaded.has('i:none')).toBe(false);

    loaded = load(live);
    const discarded = liveIndex();
    for (const ms of [loaded, discarded]) ms.discard('i:0-0-1'); // … or `get`, by discard
    await Promise.all([loaded.vacuum(), discarded.vacuum()]); // the postings' first use is iteration
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(discarded));
    expect(answers(loaded)).toBe(answers(discarded));
  });

  it('a snapshot of a loaded index (partly decoded, then written to) equals one of the live index', async () => {
    const live = liveIndex();
    const loaded = load(live);
    expect(same(encodeSnapshot(loaded), encodeSnapshot(live))).toBe(true); // untouched: copied from its slices
    loaded.search('feedb');
    await write(live);
    await write(loaded);
    const again = encodeSnapshot(loaded);
    expect(same(again, encodeSnapshot(live))).toBe(true);
    expect(same(again, encodeSnapshot(liveIndex()))).toBe(false); // control: the writes changed it
    expect(answers(loadSnapshot<SearchDoc>(again, INDEX_OPTIONS)!)).toBe(answers(live));
  });

  it('keeps documents with missing fields as MiniSearch does (its JSON turns the gaps into nulls)', () => {
    const live = liveIndex();
    const loaded = load(live);
    const viaJson = MiniSearch.loadJSON<SearchDoc>(JSON.stringify(live), INDEX_OPTIONS);
    for (const ms of [live, loaded, viaJson]) ms.discard('s:0-0'); // a session: no name field
    const avg = (ms: MiniSearch<SearchDoc>) => (ms as unknown as { _avgFieldLength: number[] })._avgFieldLength;
    expect(avg(loaded)).toEqual(avg(live));
    expect(avg(viaJson)).not.toEqual(avg(live)); // control: the JSON copy drifts
  });

  it('round-trips an empty index, and loads from bytes at any offset', () => {
    const empty = liveIndex([]);
    const loaded = load(empty);
    expect(loaded.documentCount).toBe(0);
    loaded.add({ id: 'i:1', text: 'first words' });
    expect(loaded.search('first').map((r) => r.id)).toEqual(['i:1']);

    const bytes = encodeSnapshot(liveIndex());
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(answers(loadSnapshot<SearchDoc>(shifted.subarray(1), INDEX_OPTIONS)!)).toBe(answers(liveIndex()));
  });

  it('refuses a damaged snapshot, another version, an older stored form, or other fields (null: rebuilt)', () => {
    const live = liveIndex(DOCS.slice(0, 300));
    const bytes = encodeSnapshot(live);
    const changed = (at: number, value: number) => {
      const copy = bytes.slice();
      copy[at] = value;
      return copy;
    };
    const refused = [
      new Uint8Array(0),
      bytes.subarray(0, bytes.length - 1),
      changed(0, 0x58), // magic
      changed(4, SNAPSHOT_VERSION + 1),
      changed(12, 0x20), // the header's first byte
      changed(12 + 2, 0x7b), // still JSON, but a counter's name broken
      changed(14 + new TextDecoder().decode(bytes.subarray(14, 200)).indexOf('"postings":') + 11, 0x2d), // a count < 0
      new TextEncoder().encode(JSON.stringify(live)), // MiniSearch's JSON, as stored before
    ];
    for (const damaged of refused) expect(loadSnapshot<SearchDoc>(damaged, INDEX_OPTIONS)).toBeNull();
    expect(loadSnapshot<SearchDoc>(bytes, { ...INDEX_OPTIONS, fields: ['name', 'text'] })).toBeNull();
    expect(loadSnapshot<SearchDoc>(bytes, { ...INDEX_OPTIONS, fields: ['text', 'name', 'body'] })).toBeNull();
    // Control: the same bytes, undamaged, load.
    expect(loadSnapshot<SearchDoc>(bytes, INDEX_OPTIONS)?.search('deleg').length).toBeGreaterThan(0);
  });

  it('refuses to encode a document id it could not read back', () => {
    const ms = liveIndex(DOCS.slice(0, 10));
    expect(() => encodeSnapshot(ms)).not.toThrow(); // control
    ms.add({ id: 'i:two\nlines', text: 'odd id' });
    expect(() => encodeSnapshot(ms)).toThrow();
  });
});
