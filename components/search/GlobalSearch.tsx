import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '@/lib/api/contract';
import { ariaKeys } from '@/lib/keymap/keymap';
import { keyIs, whichKey } from '@/lib/keymap/match';
import { ErrorNote } from '../ui/ErrorNote';
import { Icon } from '../ui/Icon';
import { Kbd } from '../ui/Kbd';
import { HighlightWords } from './Highlighted';
import { HIT_KIND_LABEL } from './labels';
import type { DetailTarget } from './detailTarget';
import { SearchDetail } from './SearchDetail';
import { useSearch } from './useSearch';

/**
 * "Search everything": clients, sessions, captured words and questions, as you type. Down moves into
 * the results, Up/Down between them, Enter opens one read-only (the session keeps running), Escape steps
 * back: detail → results → search box → clear.
 */
export function GlobalSearch(props: { focusSignal?: number }) {
  const [query, setQuery] = useState('');
  const [stack, setStack] = useState<DetailTarget[]>([]);
  const search = useSearch(query);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const opener = useRef<number>(-1);
  const restore = useRef(false);

  // Focus moves in the commit that shows the box (not a frame later), so the next key typed lands in it;
  // from an open detail, once the box is back.
  const focusBox = useRef(false);
  useLayoutEffect(() => {
    if (!props.focusSignal) return;
    setStack([]);
    focusBox.current = true;
  }, [props.focusSignal]);
  useLayoutEffect(() => {
    if (!focusBox.current || !input.current) return;
    focusBox.current = false;
    input.current.focus();
    input.current.select();
  });

  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button.result') ?? [])];
  const focusResult = (i: number) => {
    const all = buttons();
    if (all.length === 0) return;
    all[Math.max(0, Math.min(all.length - 1, i))]!.focus();
  };

  const open = (hit: SearchHit, index: number) => {
    opener.current = index;
    setStack([targetOf(hit)]);
  };
  const back = () => {
    const rest = stack.slice(0, -1);
    setStack(rest);
    if (rest.length === 0) restore.current = true;
  };
  // Back from a detail: focus returns to the result that opened it.
  useEffect(() => {
    if (!restore.current || stack.length > 0) return;
    restore.current = false;
    if (opener.current >= 0 && buttons().length > 0) focusResult(opener.current);
    else input.current?.focus();
  });

  const onInputKey = (e: KeyboardEvent) => {
    if (keyIs('search.toResults', e) && search.hits.length > 0) {
      e.preventDefault();
      focusResult(0);
    } else if (keyIs('search.openFirst', e) && search.hits[0]) {
      e.preventDefault();
      open(search.hits[0], 0);
    } else if (keyIs('search.clear', e) && query) {
      e.preventDefault();
      e.stopPropagation();
      setQuery('');
    }
  };
  const onResultKey = (e: KeyboardEvent, i: number) => {
    const step = whichKey('search.move', e); // 0 previous, 1 next
    const end = whichKey('search.jump', e); // 0 first, 1 last
    if (step >= 0) {
      e.preventDefault();
      if (step === 0 && i === 0) input.current?.focus();
      else focusResult(i + (step === 1 ? 1 : -1));
    } else if (end >= 0) {
      e.preventDefault();
      focusResult(end === 0 ? 0 : search.hits.length - 1);
    } else if (keyIs('search.toField', e)) {
      e.preventDefault();
      e.stopPropagation();
      input.current?.focus();
    }
  };

  const current = stack[stack.length - 1];
  if (current) {
    return <SearchDetail target={current} onBack={back} onOpen={(t) => setStack([...stack, t])} depth={stack.length} />;
  }

  const q = query.trim();
  return (
    <div class="search">
      <div class="search__box">
        <Icon name="search" class="search__icon" />
        <input
          ref={input}
          type="search"
          class="input search__input"
          aria-label="Search everything"
          aria-keyshortcuts={ariaKeys('search.focus')}
          aria-describedby="search-hint"
          placeholder="Clients, sessions, commitments, questions"
          autocomplete="off"
          spellcheck={false}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onInputKey}
        />
        <Kbd shortcut="search.focus" class="search__kbd" />
      </div>
      <section class="search__results" aria-label="Search results" aria-busy={search.searching}>
        {!q && (
          <p class="muted small" id="search-hint">
            Find any client, session, commitment, note or question. Down arrow to the results, Enter to open.
          </p>
        )}
        {q && search.error && <ErrorNote what="Search failed." error={search.error} onRetry={search.retry} />}
        {q && !search.error && search.hits.length === 0 && !search.searching && search.answered === q && (
          <div class="empty empty--small" role="status">
            <p class="empty__title">No matches for “{q}”</p>
            <p class="muted small">Try a client's name, a word from a commitment, or part of a question.</p>
          </div>
        )}
        {q && search.hits.length > 0 && (
          <ul ref={list} class="results" aria-label="Search results">
            {search.hits.map((hit, i) => (
              <li key={`${hit.kind}:${hit.id}`}>
                <button type="button" class="result" onClick={() => open(hit, i)} onKeyDown={(e) => onResultKey(e, i)}>
                  <span class={`chip chip--${hit.kind}`}>{HIT_KIND_LABEL[hit.kind]}</span>
                  <span class="result__text">
                    <span class="result__title">
                      <HighlightWords text={hit.title} words={hit.matched} />
                    </span>
                    {hit.detail && (
                      <span class="result__detail">
                        <HighlightWords text={hit.detail} words={hit.matched} />
                      </span>
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {q && search.searching && search.hits.length === 0 && !search.error && <p class="muted small">Searching…</p>}
      </section>
    </div>
  );
}

function targetOf(hit: SearchHit): DetailTarget {
  if (hit.kind === 'item') return { kind: 'item', id: hit.id, sessionId: hit.sessionId };
  return { kind: hit.kind, id: hit.id };
}
