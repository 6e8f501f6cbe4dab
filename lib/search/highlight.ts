/**
 * What to highlight in a shown text: the ranges where matched words occur, found case- and accent-blind
 * ("resume" marks "Résumé"), and the text cut into plain and marked pieces. Pure: the views render the pieces
 * as text nodes inside `<mark>`, never as HTML.
 */

/** A half-open range of UTF-16 offsets into the shown text. */
export interface Range {
  start: number;
  end: number;
}

export interface Piece {
  text: string;
  mark: boolean;
}

/** Lower case, accents removed, spaces collapsed: "Qué  ÉS" → "que es". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A shown text prepared for finding words in it: folded, with, for each folded offset, the offset in the
 * original it came from. Folding changes lengths ("é" may be two code units before folding), so ranges found
 * in the folded text are mapped back through this. Prepare once to search one text for many needles.
 */
export interface Prepared {
  text: string;
  folded: string;
  from: number[];
}

export function prepare(text: string): Prepared {
  let folded = '';
  const from: number[] = [];
  let at = 0;
  for (const char of text) {
    const f = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let i = 0; i < f.length; i++) from.push(at);
    folded += f;
    at += char.length;
  }
  from.push(at);
  return { text, folded, from };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

export interface FindOptions {
  /** Only where a needle starts a word ("else" in "What else?", not inside "someelse"). */
  wordStart?: boolean;
  /** Only whole words: the needle must also end a word. */
  wholeWord?: boolean;
}

/**
 * Where any of `needles` occurs in `text`, folded on both sides; overlapping and touching ranges are merged,
 * in order. Empty needles are ignored.
 */
export function findRanges(text: string | Prepared, needles: readonly string[], options: FindOptions = {}): Range[] {
  return findFolded(typeof text === 'string' ? prepare(text) : text, needles.map(fold), options);
}

/** As `findRanges`, for needles already folded (a matcher folds them once for a whole list). */
export function findFolded(text: Prepared, needles: readonly string[], options: FindOptions = {}): Range[] {
  const wanted = needles.length > 1 ? [...new Set(needles.filter(Boolean))] : needles.filter(Boolean);
  if (wanted.length === 0) return [];
  const { folded, from } = text;
  const found: Range[] = [];
  for (const needle of wanted) {
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if ((options.wordStart || options.wholeWord) && isWordChar(folded[at - 1])) continue;
      if (options.wholeWord && isWordChar(folded[end])) continue;
      found.push({ start: from[at]!, end: from[end]! });
    }
  }
  return mergeRanges(found);
}

/** The ranges in order, overlapping and touching ones merged. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** The text cut at the ranges: plain and marked pieces that join back into the text. */
export function pieces(text: string, ranges: readonly Range[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const r of mergeRanges(ranges.filter((r) => r.start < r.end && r.start >= 0 && r.end <= text.length))) {
    if (r.start > at) out.push({ text: text.slice(at, r.start), mark: false });
    out.push({ text: text.slice(r.start, r.end), mark: true });
    at = r.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: false });
  return out;
}
