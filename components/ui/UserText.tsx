import { showBidiControls } from '@/lib/text/bidi';

/**
 * A coach's own words (a client's name, a captured item) inside other text: isolated (`<bdi>`), so a
 * right-to-left name does not reorder the words around it, and with any bidi override or embedding shown
 * as a visible mark rather than obeyed (lib/text/bidi.ts), so the text reads as written.
 */
export function UserText(props: { text: string }) {
  return <bdi>{showBidiControls(props.text)}</bdi>;
}
