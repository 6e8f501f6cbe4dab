import { useId, useRef, useState } from 'preact/hooks';
import { ariaKeys, keyText, type KeyId } from '@/lib/keymap/keymap';
import { keyIs } from '@/lib/keymap/match';
import { STAGE_LABELS, type DeckQuestion, type Question, type Stage } from '@/lib/model/types';
import { filterQuestions, isSearching, nextQuestion, showQuestions } from './filter';
import { usePrefs } from '../app/prefs';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { Kbd } from '../ui/Kbd';
import { DeckEmpty } from './DeckEmpty';
import { OwnQuestionForm } from './OwnQuestionForm';
import { QuestionList } from './QuestionList';
import { StageTabs, stageTabId } from './StageTabs';
import { useDeckData } from './useDeckData';
import { useDeckStage } from './useDeckStage';
import './deck.css';

/** The deck's keys in one quiet line: "↑↓ move · a asked · f favourite · n next · s search". */
const DECK_HINT = (
  [
    ['deck.move', 'move'],
    ['deck.asked', 'asked'],
    ['deck.favourite', 'favourite'],
    ['deck.next', 'next'],
    ['deck.search', 'search'],
  ] as const satisfies readonly (readonly [KeyId, string])[]
)
  .map(([id, word]) => `${keyText(id, '')} ${word}`)
  .join(' · ');

/**
 * The question prompt deck: stage tabs, search across stages, favourites, "Next question" within a stage,
 * marks for asked questions (with a running session), and the coach's own questions.
 * Keys inside the deck: "n" next question, "s" search (ArrowDown or Enter from it goes to the results),
 * arrows move, "a" asked, "f" favourite.
 */
export function Deck(props: { sessionId: string | null; stage?: Stage }) {
  const idBase = useId();
  const panelId = `${idBase}-panel`;
  const data = useDeckData(props.sessionId);
  const { settings } = usePrefs();
  const [stage, setStage] = useDeckStage(props.stage);
  const [query, setQuery] = useState('');
  const [favouritesOnly, setFavouritesOnly] = useState(false);
  const [showHidden, setShowHidden] = useState(false);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ id: string; n: number } | null>(null);
  const [notice, setNotice] = useState('');
  const [deleted, setDeleted] = useState<{ question: Question; favourite: boolean } | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const searching = isSearching({ query });
  const matched = showQuestions(data.questions, { stage, query, favouritesOnly, showHidden });
  const shown = matched.map((m) => m.question);
  const marks = new Map(matched.map((m) => [m.question.id, m.match.ranges]));
  const hiddenCount = data.questions.filter((q) => q.hidden && (searching || q.stage === stage)).length;
  const canMarkAsked = props.sessionId !== null;

  const selectStage = (next: Stage) => {
    setStage(next);
    setNotice('');
  };

  const next = () => {
    const inStage = filterQuestions(data.questions, { stage, query: '', favouritesOnly, showHidden: false });
    const picked = nextQuestion(inStage, data.asked, currentId);
    setQuery('');
    if (!picked) {
      setNotice(`Every ${favouritesOnly ? 'favourite ' : ''}question in ${STAGE_LABELS[stage]} has been asked.`);
      return;
    }
    setNotice('');
    setCurrentId(picked.id);
    setFocusRequest((r) => ({ id: picked.id, n: (r?.n ?? 0) + 1 }));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (keyIs('deck.next', event)) {
      event.preventDefault();
      next();
    } else if (keyIs('deck.search', event)) {
      event.preventDefault();
      search.current?.focus();
      search.current?.select(); // new words replace the last search, never add on to it
    }
  };

  const remove = async (q: DeckQuestion) => {
    const gone = await data.deleteQuestion(q.id);
    if (!gone) return;
    setDeleted({ question: gone, favourite: q.favourite });
    queueMicrotask(() => undoButton.current?.focus());
  };

  const focusQuestion = (id: string) => setFocusRequest((r) => ({ id, n: (r?.n ?? 0) + 1 }));

  const undo = async () => {
    if (!deleted) return;
    const { question, favourite } = deleted;
    const back = await data.addQuestion(question.stage, question.text, question.tags);
    setDeleted(null);
    if (!back.ok) {
      setNotice(`Could not bring the question back: ${back.error.message}`);
      search.current?.focus();
      return;
    }
    if (favourite) void data.setPref(back.value.id, { favourite: true });
    focusQuestion(back.value.id); // "Undo" is gone: focus goes to the question brought back
  };

  /** Hidden (and so gone from the list), focus moves to its neighbour, or to the search field when none is left. */
  const hide = async (q: DeckQuestion) => {
    const leaves = !q.hidden && !showHidden;
    const at = shown.indexOf(q);
    const neighbour = leaves ? (shown[at + 1] ?? shown[at - 1] ?? null) : null;
    await data.setPref(q.id, { hidden: !q.hidden });
    if (!leaves) return;
    if (neighbour) focusQuestion(neighbour.id);
    else search.current?.focus();
  };

  return (
    <section class="hs-deck" aria-label="Question deck" onKeyDown={onKeyDown}>
      <StageTabs idBase={idBase} panelId={panelId} stage={stage} dimmed={searching} onSelect={selectStage} />
      <div class="hs-deck__tools">
        <input
          ref={search}
          type="search"
          class="input hs-deck__input hs-deck__search"
          aria-label="Search questions"
          aria-keyshortcuts={ariaKeys('deck.search')}
          placeholder="Search all stages"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (keyIs('deck.clearSearch', e) && query !== '') {
              e.preventDefault();
              e.stopPropagation();
              setQuery('');
            } else if (keyIs('deck.toList', e)) {
              e.preventDefault();
              panel.current?.querySelector<HTMLElement>('li[tabindex="0"]')?.focus();
            }
          }}
        />
        <Button small aria-label="Favourites only" aria-pressed={favouritesOnly} onClick={() => setFavouritesOnly(!favouritesOnly)}>
          ★ Favourites
        </Button>
        <Button small variant="primary" aria-keyshortcuts={ariaKeys('deck.next')} onClick={next}>
          Next question <Kbd shortcut="deck.next" />
        </Button>
      </div>
      <div ref={panel} id={panelId} class="hs-deck__panel" role="tabpanel" aria-labelledby={stageTabId(idBase, stage)}>
        {!canMarkAsked && <p class="hs-deck__hint">Browsing: start a session to mark questions asked.</p>}
        {data.writeError && <ErrorNote what={data.writeError.what} error={data.writeError.error} />}
        <p class="hs-deck__notice" role="status">
          {notice || (searching ? `${shown.length} matching across all stages` : '')}
        </p>
        {shown.length > 0 ? (
          <QuestionList
            label={searching ? 'Matching questions' : `${STAGE_LABELS[stage]} questions`}
            questions={shown}
            marks={marks}
            asked={data.asked}
            canMarkAsked={canMarkAsked}
            showStage={searching}
            currentId={currentId}
            focusRequest={focusRequest}
            onMarkAsked={(q) => void data.markAsked(q.id, !data.asked.has(q.id))}
            onFavourite={(q) => void data.setPref(q.id, { favourite: !q.favourite })}
            onHide={(q) => void hide(q)}
            onEdit={async (q, text) => (await data.editQuestion(q.id, text))?.message ?? null}
            onDelete={(q) => void remove(q)}
          />
        ) : (
          <DeckEmpty
            loading={data.loading}
            loadError={data.loadError}
            query={searching ? query : ''}
            favouritesOnly={favouritesOnly}
            stage={stage}
            onClearSearch={() => setQuery('')}
            onShowAll={() => setFavouritesOnly(false)}
          />
        )}
        {hiddenCount > 0 && (
          <button type="button" class="hs-deck__link" onClick={() => setShowHidden(!showHidden)}>
            {showHidden ? 'Leave hidden questions out' : `Show hidden questions (${hiddenCount})`}
          </button>
        )}
      </div>
      {deleted && (
        <p class="hs-deck__undo">
          Question deleted.{' '}
          <button ref={undoButton} type="button" class="hs-deck__link" onClick={() => void undo()}>
            Undo
          </button>
        </p>
      )}
      <OwnQuestionForm
        stage={stage}
        onAdd={async (text) => {
          const added = await data.addQuestion(stage, text);
          return added.ok ? null : added.error.message;
        }}
      />
      {settings.showShortcutHints && (
        <p class="hs-deck__keys" aria-hidden="true">
          {DECK_HINT}
        </p>
      )}
    </section>
  );
}
