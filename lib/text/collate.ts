/**
 * The order of names wherever Holdspace lists them (the store's client lists, the client picker): the
 * browser's locale order, ignoring case and accents ("ada" beside "Ada", "Émile" beside "Emile").
 *
 * One collator, made once: `String.prototype.localeCompare` with options builds a new collator on every
 * call (V8 caches only the option-less one), which made sorting 200 clients cost tens of milliseconds on
 * the first screen (the woken worker's `listClients` and `recentClients`, then the panel's client picker).
 */
let names: Intl.Collator | undefined;

/** Sorts anything named by its name in that order: zero for the same name but for case or accents. */
export function byName(a: { name: string }, b: { name: string }): number {
  names ??= new Intl.Collator(undefined, { sensitivity: 'base' });
  return names.compare(a.name, b.name);
}
