/**
 * Two views editing the same text: a three-way merge that never drops words. Each side's change from the
 * text both last saw (`base`) is one replaced range (common prefix and suffix kept). Changes in separate
 * places are both applied; changes that touch or overlap are a conflict the coach resolves, never a guess.
 */

/** `base.slice(start, end)` replaced by `insert`. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

export type MergeResult = { ok: true; text: string } | { ok: false };

/** The one range that turns `base` into `next`, or null when they are the same. */
export function editOf(base: string, next: string): TextEdit | null {
  if (base === next) return null;
  const most = Math.min(base.length, next.length);
  let start = 0;
  while (start < most && base[start] === next[start]) start++;
  let tail = 0;
  while (tail < most - start && base[base.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  return { start, end: base.length - tail, insert: next.slice(start, next.length - tail) };
}

function apply(base: string, edits: TextEdit[]): string {
  let text = base;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.insert + text.slice(e.end);
  return text;
}

/**
 * `mine` and `theirs`, both edited from `base`, as one text, when that is unambiguous: one side unchanged,
 * both the same, or the two changes apart from each other (not even touching).
 */
export function mergeText(base: string, mine: string, theirs: string): MergeResult {
  if (mine === theirs || theirs === base) return { ok: true, text: mine };
  if (mine === base) return { ok: true, text: theirs };
  const a = editOf(base, mine)!;
  const b = editOf(base, theirs)!;
  if (a.end < b.start || b.end < a.start) return { ok: true, text: apply(base, [a, b]) };
  return { ok: false };
}

/**
 * Both texts kept, for the coach's "Keep both": the merge when there is one; when one text already holds
 * the other, the longer; two additions at the same place, one after the other (mine first, apart by `separator`
 * unless a space already parts them); otherwise mine,
 * then theirs after `separator`.
 */
export function keepBoth(base: string, mine: string, theirs: string, separator = ' '): string {
  const merged = mergeText(base, mine, theirs);
  if (merged.ok) return merged.text;
  if (theirs.includes(mine)) return theirs;
  if (mine.includes(theirs)) return mine;
  const a = editOf(base, mine)!;
  const b = editOf(base, theirs)!;
  if (a.start === a.end && b.start === b.end && a.start === b.start) {
    const gap = /\s$/.test(a.insert) || /^\s/.test(b.insert) ? '' : separator;
    return base.slice(0, a.start) + a.insert + gap + b.insert + base.slice(a.start);
  }
  return `${mine}${separator}${theirs}`;
}

function mergeAtomic(base: string, mine: string, theirs: string): MergeResult {
  if (mine === theirs || theirs === base) return { ok: true, text: mine };
  return mine === base ? { ok: true, text: theirs } : { ok: false };
}

export type Fields = Record<string, string>;

export interface FieldsMerge {
  /** Every field merged; a field in conflict holds mine. */
  value: Fields;
  /** Fields both sides changed in ways that cannot be merged. */
  conflicts: string[];
}

/**
 * A record of fields merged field by field. Words (`prose` fields) merge as text; any other field (a kind, a
 * date) is atomic: one side's change is taken, two different changes are a conflict.
 */
export function mergeFields(base: Fields, mine: Fields, theirs: Fields, prose: readonly string[]): FieldsMerge {
  const value: Fields = {};
  const conflicts: string[] = [];
  for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const b = base[key] ?? '';
    const m = mine[key] ?? '';
    const t = theirs[key] ?? '';
    const merged = prose.includes(key) ? mergeText(b, m, t) : mergeAtomic(b, m, t);
    if (merged.ok) value[key] = merged.text;
    else {
      value[key] = m;
      conflicts.push(key);
    }
  }
  return { value, conflicts };
}

/** "Keep both" for a record: conflicting words kept side by side; an atomic field in conflict keeps mine. */
export function keepBothFields(base: Fields, mine: Fields, theirs: Fields, prose: readonly string[], separator = ' '): Fields {
  const { value, conflicts } = mergeFields(base, mine, theirs, prose);
  for (const key of conflicts)
    if (prose.includes(key)) value[key] = keepBoth(base[key] ?? '', mine[key] ?? '', theirs[key] ?? '', separator);
  return value;
}
