import type { ApiError } from '@/lib/api/result';
import { STAGE_LABELS, type Stage } from '@/lib/model/types';

/** What the deck says instead of a blank list: loading, failed, no match, no favourites, empty stage. */
export function DeckEmpty(props: {
  loading: boolean;
  loadError: ApiError | null;
  query: string;
  favouritesOnly: boolean;
  stage: Stage;
  onClearSearch(): void;
  onShowAll(): void;
}) {
  if (props.loadError) {
    return (
      <div class="hs-deck__empty" role="alert">
        <p>The questions could not be loaded: {props.loadError.message}</p>
      </div>
    );
  }
  if (props.loading) return <p class="hs-deck__empty">Loading questions…</p>;
  if (props.query) {
    return (
      <div class="hs-deck__empty">
        <p class="hs-deck__empty-title">No questions match “{props.query.trim()}”.</p>
        <p>Try fewer letters, or another word{props.favouritesOnly ? ', or look beyond favourites' : ''}.</p>
        <button type="button" class="hs-deck__link" onClick={props.onClearSearch}>
          Clear search
        </button>
      </div>
    );
  }
  if (props.favouritesOnly) {
    return (
      <div class="hs-deck__empty">
        <p class="hs-deck__empty-title">No favourites in {STAGE_LABELS[props.stage]} yet.</p>
        <p>Press f on a question to keep it here.</p>
        <button type="button" class="hs-deck__link" onClick={props.onShowAll}>
          Show all questions
        </button>
      </div>
    );
  }
  return (
    <div class="hs-deck__empty">
      <p class="hs-deck__empty-title">No questions in {STAGE_LABELS[props.stage]}.</p>
      <p>Add your own below.</p>
    </div>
  );
}
