import { findRanges, pieces, type FindOptions, type Range } from '@/lib/search/highlight';

/**
 * A text with the words that matched a search in `<mark>`. Each piece is a text node (Preact escapes it):
 * the coach's words are never read as HTML.
 */
export function Highlighted(props: { text: string; ranges: readonly Range[] }) {
  return (
    <>
      {pieces(props.text, props.ranges).map((p, i) =>
        p.mark ? (
          <mark key={i} class="hit-mark">
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </>
  );
}

/** A text with every whole-word occurrence of `words` marked (search results: the indexed words that matched). */
export function HighlightWords(props: { text: string; words: readonly string[]; options?: FindOptions }) {
  return <Highlighted text={props.text} ranges={findRanges(props.text, props.words, props.options ?? { wholeWord: true })} />;
}
