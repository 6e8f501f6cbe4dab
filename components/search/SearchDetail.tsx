import { useEffect, useRef, useState } from 'preact/hooks';
import { ariaKeys } from '@/lib/keymap/keymap';
import { keyIs } from '@/lib/keymap/match';
import { Button } from '../ui/Button';
import { Kbd } from '../ui/Kbd';
import type { DetailTarget } from './detailTarget';
import { ClientDetail, ItemDetail, QuestionDetail, SessionDetail } from './DetailViews';

/**
 * A search result opened as recorded, with a way back (button or Escape). Focus lands on its heading. The bar
 * says what the coach is looking at: a record as it was ("As recorded"), or a session's summary reopened
 * from it, which is edited and saved like any summary ("Edits save as you type").
 */
export const DETAIL_NOTE = { record: 'As recorded', summary: 'Edits save as you type' } as const;

export function SearchDetail(props: { target: DetailTarget; depth: number; onBack(): void; onOpen(target: DetailTarget): void }) {
  const box = useRef<HTMLElement>(null);
  const [summaryOpen, setSummaryOpen] = useState(false);
  useEffect(() => setSummaryOpen(false), [props.target]);
  // Keep focus inside while the record loads (its heading takes focus once it appears), so Escape works.
  useEffect(() => {
    if (box.current && !box.current.contains(document.activeElement)) box.current.focus();
  }, [props.target]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (!keyIs('search.back', e)) return;
    e.preventDefault();
    e.stopPropagation();
    props.onBack();
  };
  const { target } = props;
  return (
    <section ref={box} tabIndex={-1} class="detail" aria-label="Search result" onKeyDown={onKeyDown}>
      <div class="detail__bar">
        <Button variant="ghost" small icon="back" onClick={props.onBack} aria-keyshortcuts={ariaKeys('search.back')}>
          {props.depth > 1 ? 'Back' : 'Back to results'}
          <Kbd shortcut="search.back" />
        </Button>
        <span class="muted small">{summaryOpen ? DETAIL_NOTE.summary : DETAIL_NOTE.record}</span>
      </div>
      {target.kind === 'client' && <ClientDetail id={target.id} onOpen={props.onOpen} />}
      {target.kind === 'session' && <SessionDetail id={target.id} onSummary={setSummaryOpen} />}
      {target.kind === 'item' && <ItemDetail id={target.id} sessionId={target.sessionId} onOpen={props.onOpen} />}
      {target.kind === 'question' && <QuestionDetail id={target.id} />}
    </section>
  );
}
