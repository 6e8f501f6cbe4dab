/**
 * The search index between workers as a compact binary snapshot, loaded lazily (issue 13, item 4). MiniSearch's
 * own JSON took seconds to parse and turn into Maps at the bench's 120,000 documents; a snapshot is a few
 * typed arrays, and loading it builds only the tree of terms. A term's postings are decoded the first time a
 * search (or a write) touches them, the documents' ids and field lengths are read from arrays by short id,
 * and the id → short id map is built on its first use (the first write after a load).
 *
 * MiniSearch's search, scoring and writes are unchanged: only its persistence is replaced. That reaches into
 * its private fields (`_index`, `_documentIds`, `_idToShortId`, `_fieldLength`, `_storedFields`, and the
 * counters `loadJS` sets), so it relies on MiniSearch 7.2.0's internals — pinned in package.json; the
 * round-trip tests (tests/lib/search/snapshot.test.ts) compare searches and writes against a live index and
 * fail if an upgrade changes what those fields hold or which Map methods it calls.
 *
 * Layout (little-endian, as typed arrays are on every platform a browser runs on): "HSIX", a version byte,
 * three zero bytes, the header's length (uint32) and the header (JSON: counters, average field lengths, field
 * ids, stored fields, sizes and integer widths), then, each starting on a multiple of 4 bytes:
 * the documents' ids ('\n'-joined UTF-8, '' where a short id is free), the terms (likewise, in the index's own
 * order), per term the first of its entries (uint32, terms + 1), per entry its field id (uint32) and its first
 * posting (uint32, entries + 1), the postings' short ids and term frequencies, and the field lengths (short
 * ids × fields; the width's largest value where a document has no such field). Any mismatch → null (rebuild).
 */
import MiniSearch, { type Options } from 'minisearch';
import { ArrayMap, LazyMap } from './lazy-maps';

const MAGIC = [0x48, 0x53, 0x49, 0x58]; // "HSIX"
export const SNAPSHOT_VERSION = 1;

type Width = 1 | 2 | 4;
type Ints = Uint8Array | Uint16Array | Uint32Array;
type Postings = Map<number, number>;
type TermData = Map<number, Postings>;
type Tree = Map<string, Tree | TermData>;
const LEAF = '';

/** The private state of a MiniSearch 7.2.0 index this module reads and replaces. */
interface Internals {
  /** A SearchableMap: a radix tree of Maps from key fragments to subtrees, a term's data under the key ''. */
  _index: { _tree: Tree; constructor: new (tree: Tree) => Internals['_index'] };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, Record<string, unknown>>;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

const inside = (ms: object): Internals => ms as unknown as Internals;

interface Header {
  documentCount: number;
  nextId: number;
  dirtCount: number;
  averageFieldLength: (number | null)[];
  fieldIds: Record<string, number>;
  storedFields: Record<string, Record<string, unknown>>;
  idsBytes: number;
  labelsBytes: number;
  /** Nodes of the tree of terms, edges (labels), and terms (leaves). */
  nodes: number;
  labels: number;
  terms: number;
  entries: number;
  postings: number;
  fields: number;
  /** Bytes per posting's short id, per term frequency, per field length. */
  widths: { doc: Width; freq: Width; length: Width };
}

const widthFor = (max: number): Width => (max < 0x100 ? 1 : max < 0x10000 ? 2 : 4);
const allOnes = (w: Width): number => (w === 4 ? 0xffffffff : w === 2 ? 0xffff : 0xff);
const align4 = (n: number): number => (n + 3) & ~3;

function ints(w: Width, buffer: ArrayBufferLike, byteOffset: number, length: number): Ints {
  if (w === 1) return new Uint8Array(buffer, byteOffset, length);
  if (w === 2) return new Uint16Array(buffer, byteOffset, length);
  return new Uint32Array(buffer, byteOffset, length);
}

/** Where each section starts, from the header (the same for writing and reading), and where the snapshot ends. */
function layout(h: Header, start: number) {
  let at = start;
  const next = (bytes: number) => {
    const here = at;
    at = align4(at + bytes);
    return here;
  };
  const sections = {
    ids: next(h.idsBytes),
    labels: next(h.labelsBytes),
    nodes: next(4 * h.nodes),
    termEntry: next(4 * (h.terms + 1)),
    entryField: next(4 * h.entries),
    entryStart: next(4 * (h.entries + 1)),
    postDoc: next(h.widths.doc * h.postings),
    postFreq: next(h.widths.freq * h.postings),
    lengths: next(h.widths.length * h.nextId * h.fields),
  };
  return { ...sections, end: at };
}

/** The arrays of one snapshot, shared by every map loaded from it (and read again when it is saved untouched). */
interface Arrays {
  termEntry: Uint32Array;
  entryField: Uint32Array;
  entryStart: Uint32Array;
  postDoc: Ints;
  postFreq: Ints;
  /** No term frequency is above this (the largest value of its width). */
  maxFreq: number;
}

/** A term's entry in a loaded index: its postings per field, decoded from the snapshot on first use. */
class TermFields extends LazyMap<number, Postings> {
  constructor(
    readonly arrays: Arrays,
    readonly term: number,
  ) {
    super();
  }

  protected fill(add: (fieldId: number, postings: Postings) => void): void {
    const { termEntry, entryField, entryStart, postDoc, postFreq } = this.arrays;
    for (let e = termEntry[this.term]!; e < termEntry[this.term + 1]!; e++) {
      const postings: Postings = new Map();
      for (let p = entryStart[e]!; p < entryStart[e + 1]!; p++) postings.set(postDoc[p]!, postFreq[p]!);
      add(entryField[e]!, postings);
    }
  }
}

/** Short id → document id, from the snapshot's list ('' where a short id is free). */
class DocumentIds extends ArrayMap<string> {
  constructor(private readonly ids: string[]) {
    let count = 0;
    for (const id of ids) if (id !== '') count++;
    super(ids.length, count);
  }
  protected decode(shortId: number): string | null {
    return this.ids[shortId] || null;
  }
}

/** Short id → the document's number of distinct terms per field (a sparse array, as MiniSearch builds it). */
class FieldLengths extends ArrayMap<number[]> {
  constructor(
    private readonly table: Ints,
    private readonly fields: number,
    private readonly none: number,
  ) {
    const docs = fields ? table.length / fields : 0;
    let count = 0;
    for (let d = 0; d < docs; d++) {
      for (let f = 0; f < fields; f++) {
        if (table[d * fields + f] !== none) {
          count++;
          break;
        }
      }
    }
    super(docs, count);
  }
  protected decode(shortId: number): number[] | null {
    let row: number[] | null = null;
    for (let f = 0; f < this.fields; f++) {
      const length = this.table[shortId * this.fields + f]!;
      if (length !== this.none) (row ??= [])[f] = length;
    }
    return row;
  }
}

/** Document id → short id, built from the short id → document id map the first time it is used. */
class ShortIds extends LazyMap<string, number> {
  constructor(private readonly documentIds: Map<number, string>) {
    super();
  }
  protected fill(add: (id: string, shortId: number) => void): void {
    this.documentIds.forEach((id, shortId) => add(id, shortId));
  }
}

/** One term's postings to write: the maps of a live (or decoded) entry, or the untouched slices of a loaded one. */
type Source = { map: TermData } | { arrays: Arrays; term: number };

function sourceOf(data: TermData): Source {
  return data instanceof TermFields && !data.filled ? { arrays: data.arrays, term: data.term } : { map: data };
}

/**
 * The snapshot of an index. Throws when it cannot be represented (a document id that is not a non-empty
 * string without '\n', a term with '\n'): the caller then keeps no copy, and the next worker rebuilds.
 */
export function encodeSnapshot<T>(ms: MiniSearch<T>): Uint8Array<ArrayBuffer> {
  const m = inside(ms);
  const fields = Math.max(-1, ...Object.values(m._fieldIds)) + 1;

  const ids: string[] = new Array<string>(m._nextId).fill('');
  m._documentIds.forEach((id, shortId) => {
    if (typeof id !== 'string' || id === '' || id.includes('\n')) throw new Error('snapshot: unsupported document id');
    ids[shortId] = id;
  });

  // The tree of terms as it is, node by node (pre-order): each node's number of children, then each child's
  // label and subtree, or '' and the term's data. Rebuilt as it was, its terms come back in the same order,
  // so searches add up scores and break ties exactly as before.
  const childCounts: number[] = [];
  const labels: string[] = [];
  const sources: Source[] = [];
  const walk = (node: Tree) => {
    childCounts.push(node.size);
    for (const [label, child] of node) {
      if (label.includes('\n')) throw new Error('snapshot: unsupported term');
      labels.push(label);
      if (label === LEAF) sources.push(sourceOf(child as TermData));
      else walk(child as Tree);
    }
  };
  walk(m._index._tree);

  let entries = 0;
  let postings = 0;
  let maxFreq = 0;
  for (const source of sources) {
    if ('map' in source) {
      for (const freqs of source.map.values()) {
        entries++;
        postings += freqs.size;
        for (const freq of freqs.values()) if (freq > maxFreq) maxFreq = freq;
      }
    } else {
      const { termEntry, entryStart } = source.arrays;
      const [from, to] = [termEntry[source.term]!, termEntry[source.term + 1]!];
      entries += to - from;
      postings += entryStart[to]! - entryStart[from]!;
      maxFreq = Math.max(maxFreq, source.arrays.maxFreq);
    }
  }

  let maxLength = 0;
  m._fieldLength.forEach((row) => row.forEach((length) => (maxLength = Math.max(maxLength, length))));

  const encoder = new TextEncoder();
  const idsText = encoder.encode(ids.join('\n'));
  const labelsText = encoder.encode(labels.join('\n'));
  const header: Header = {
    documentCount: m._documentCount,
    nextId: m._nextId,
    dirtCount: m._dirtCount,
    averageFieldLength: m._avgFieldLength,
    fieldIds: m._fieldIds,
    storedFields: Object.fromEntries(m._storedFields),
    idsBytes: idsText.length,
    labelsBytes: labelsText.length,
    nodes: childCounts.length,
    labels: labels.length,
    terms: sources.length,
    entries,
    postings,
    fields,
    widths: { doc: widthFor(Math.max(0, m._nextId - 1)), freq: widthFor(maxFreq), length: widthFor(maxLength + 1) },
  };
  const headerText = encoder.encode(JSON.stringify(header));
  const at = layout(header, align4(12 + headerText.length));
  const bytes = new Uint8Array(at.end);
  const buffer = bytes.buffer;
  bytes.set(MAGIC, 0);
  bytes[4] = SNAPSHOT_VERSION;
  new DataView(buffer).setUint32(8, headerText.length, true);
  bytes.set(headerText, 12);
  bytes.set(idsText, at.ids);
  bytes.set(labelsText, at.labels);
  new Uint32Array(buffer, at.nodes, childCounts.length).set(childCounts);

  const termEntry = new Uint32Array(buffer, at.termEntry, sources.length + 1);
  const entryField = new Uint32Array(buffer, at.entryField, entries);
  const entryStart = new Uint32Array(buffer, at.entryStart, entries + 1);
  const postDoc = ints(header.widths.doc, buffer, at.postDoc, postings);
  const postFreq = ints(header.widths.freq, buffer, at.postFreq, postings);
  let e = 0;
  let p = 0;
  sources.forEach((source, t) => {
    termEntry[t] = e;
    if ('map' in source) {
      for (const [fieldId, freqs] of source.map) {
        entryField[e] = fieldId;
        entryStart[e++] = p;
        for (const [doc, freq] of freqs) {
          postDoc[p] = doc;
          postFreq[p++] = freq;
        }
      }
    } else {
      const from = source.arrays;
      for (let f = from.termEntry[source.term]!; f < from.termEntry[source.term + 1]!; f++) {
        entryField[e] = from.entryField[f]!;
        entryStart[e++] = p;
        const [start, end] = [from.entryStart[f]!, from.entryStart[f + 1]!];
        postDoc.set(from.postDoc.subarray(start, end), p);
        postFreq.set(from.postFreq.subarray(start, end), p);
        p += end - start;
      }
    }
  });
  termEntry[sources.length] = e;
  entryStart[entries] = p;

  const lengths = ints(header.widths.length, buffer, at.lengths, header.nextId * fields);
  lengths.fill(allOnes(header.widths.length));
  m._fieldLength.forEach((row, shortId) => row.forEach((length, f) => (lengths[shortId * fields + f] = length)));
  return bytes;
}

function readHeader(bytes: Uint8Array): Header | null {
  if (bytes.length < 12 || MAGIC.some((b, i) => bytes[i] !== b) || bytes[4] !== SNAPSHOT_VERSION) return null;
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint32(8, true);
  if (12 + length > bytes.length) return null;
  try {
    return JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))) as Header;
  } catch {
    return null;
  }
}

const sameFields = (fieldIds: Record<string, number>, fields: readonly string[]): boolean =>
  Object.keys(fieldIds).length === fields.length && fields.every((f, i) => fieldIds[f] === i);

const isWidth = (w: unknown): w is Width => w === 1 || w === 2 || w === 4;
const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const COUNTS = [
  'documentCount',
  'nextId',
  'dirtCount',
  'idsBytes',
  'labelsBytes',
  'nodes',
  'labels',
  'terms',
  'entries',
  'postings',
  'fields',
] as const;

/** A header of the shape `encodeSnapshot` writes (a damaged one may still be valid JSON). */
function wellFormed(h: Header | null): h is Header {
  if (typeof h !== 'object' || h === null || !COUNTS.every((k) => isCount(h[k]))) return false;
  const { widths, averageFieldLength, fieldIds, storedFields } = h;
  return (
    h.documentCount <= h.nextId &&
    typeof widths === 'object' &&
    widths !== null &&
    isWidth(widths.doc) &&
    isWidth(widths.freq) &&
    isWidth(widths.length) &&
    Array.isArray(averageFieldLength) &&
    typeof fieldIds === 'object' &&
    fieldIds !== null &&
    typeof storedFields === 'object' &&
    storedFields !== null
  );
}

const lines = (bytes: Uint8Array, count: number): string[] | null => {
  if (count === 0) return bytes.length === 0 ? [] : null;
  const list = new TextDecoder().decode(bytes).split('\n');
  return list.length === count ? list : null;
};

/** The tree of terms written by `encodeSnapshot`, its leaves decoded lazily; null when the counts do not add up. */
function readTree(childCounts: Uint32Array, labels: string[], arrays: Arrays): Tree | null {
  let node = 0;
  let label = 0;
  let term = 0;
  const read = (depth: number): Tree | null => {
    if (node >= childCounts.length || depth > 1000) return null;
    const tree: Tree = new Map();
    for (let n = childCounts[node++]!; n > 0; n--) {
      if (label >= labels.length) return null;
      const key = labels[label++]!;
      const child = key === LEAF ? new TermFields(arrays, term++) : read(depth + 1);
      if (!child) return null;
      tree.set(key, child);
    }
    return tree;
  };
  const tree = read(0);
  const terms = arrays.termEntry.length - 1;
  return tree && node === childCounts.length && label === labels.length && term === terms ? tree : null;
}

/**
 * The index a snapshot holds, ready to search and write, with the same options it was made with; null when
 * the bytes are not a snapshot of this version, are cut short, or were made with other fields.
 */
export function loadSnapshot<T>(input: Uint8Array, options: Options<T>): MiniSearch<T> | null {
  // Typed arrays need their element size's alignment: a copy when the bytes start at an odd offset.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const h = readHeader(bytes);
  if (!wellFormed(h)) return null;
  if (!sameFields(h.fieldIds, options.fields) || h.fields !== options.fields.length) return null;
  const at = layout(h, align4(12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true)));
  if (at.end !== bytes.length) return null;

  const buffer = bytes.buffer;
  const base = bytes.byteOffset;
  const arrays: Arrays = {
    termEntry: new Uint32Array(buffer, base + at.termEntry, h.terms + 1),
    entryField: new Uint32Array(buffer, base + at.entryField, h.entries),
    entryStart: new Uint32Array(buffer, base + at.entryStart, h.entries + 1),
    postDoc: ints(h.widths.doc, buffer, base + at.postDoc, h.postings),
    postFreq: ints(h.widths.freq, buffer, base + at.postFreq, h.postings),
    maxFreq: allOnes(h.widths.freq),
  };
  // The offsets must run forward and end where the arrays do, or a decode would read past them.
  const ordered = (offsets: Uint32Array, end: number) =>
    offsets[0] === 0 && offsets[offsets.length - 1] === end && offsets.every((v, i) => i === 0 || v >= offsets[i - 1]!);
  if (!ordered(arrays.termEntry, h.entries) || !ordered(arrays.entryStart, h.postings)) return null;

  const ids = lines(bytes.subarray(at.ids, at.ids + h.idsBytes), h.nextId);
  const labels = lines(bytes.subarray(at.labels, at.labels + h.labelsBytes), h.labels);
  if (!ids || !labels) return null;
  const tree = readTree(new Uint32Array(buffer, base + at.nodes, h.nodes), labels, arrays);
  if (!tree) return null;

  let ms: MiniSearch<T>;
  try {
    // loadJS sets the counters and fields (and checks them); the maps are then replaced by the snapshot's.
    ms = MiniSearch.loadJS<T>(
      {
        documentCount: h.documentCount,
        nextId: h.nextId,
        documentIds: {},
        fieldIds: h.fieldIds,
        fieldLength: {},
        averageFieldLength: h.averageFieldLength as number[],
        storedFields: h.storedFields,
        dirtCount: h.dirtCount,
        index: [],
        serializationVersion: 2,
      },
      options,
    );
  } catch {
    return null;
  }
  const m = inside(ms);
  m._documentIds = new DocumentIds(ids);
  m._idToShortId = new ShortIds(m._documentIds);
  m._fieldLength = new FieldLengths(
    ints(h.widths.length, buffer, base + at.lengths, h.nextId * h.fields),
    h.fields,
    allOnes(h.widths.length),
  );
  m._index = new m._index.constructor(tree);
  return ms;
}
