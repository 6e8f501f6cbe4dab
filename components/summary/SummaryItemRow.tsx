import { useState } from 'preact/hooks';
import type { Item } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useAutosave } from '../hooks/useAutosave';
import { ErrorNote } from '../ui/ErrorNote';
import { SavedTick } from '../ui/SavedTick';
import type { ApiError } from '@/lib/api/result';
import { DueDateField, useTypedDue } from '../ui/DueDateField';

export interface RowEdit {
  text?: string;
  shareable?: boolean;
  due?: string;
}

/**
 * One captured item on the summary: its wording, editable and autosaved, and whether the client may see
 * it. `label` names it for assistive technology ("Commitment 2").
 */
export function SummaryItemRow(props: {
  item: Item;
  label: string;
  /** Extra line under the words, e.g. a reviewed commitment's new status. */
  status?: string;
  /** Notes and beliefs never go to the client, whatever their flag. */
  alwaysPrivate?: boolean;
  clientVersion: boolean;
  onEdit(edit: RowEdit): void;
}) {
  const { api } = useEnv();
  const { item } = props;
  const autosave = useAutosave<string>((text) => api.updateItem({ id: item.id, patch: { text } }));
  const [shareError, setShareError] = useState<ApiError | null>(null);
  const inClientVersion = item.shareable && !props.alwaysPrivate;

  const toggleShare = async (shareable: boolean) => {
    props.onEdit({ shareable });
    const result = await api.updateItem({ id: item.id, patch: { shareable } });
    setShareError(result.ok ? null : result.error);
    if (!result.ok) props.onEdit({ shareable: !shareable });
  };

  // The shared due-date field: "fri", "+14", "15/12" and a time kept behind its toggle; saved once typing pauses.
  const dueSave = useAutosave<string>((due) => api.updateItem({ id: item.id, patch: { due } }));
  const due = useTypedDue(item.due, (next) => {
    props.onEdit({ due: next });
    dueSave.schedule(next);
  });

  return (
    <li class={`summary-item${props.clientVersion && !inClientVersion ? ' summary-item--left-out' : ''}`}>
      <div class="summary-item__main">
        <textarea
          class="input summary-item__text"
          aria-label={`${props.label} wording`}
          rows={Math.min(6, Math.max(1, Math.ceil(item.text.length / 48)))}
          value={item.text}
          onInput={(e) => {
            props.onEdit({ text: e.currentTarget.value });
            autosave.schedule(e.currentTarget.value);
          }}
          onBlur={() => void autosave.flush()}
        />
        {props.status && <p class="summary-item__status">{props.status}</p>}
        {item.kind === 'commitment' && (
          <dl class="meta-list summary-item__facts">
            <div class="meta-list__row">
              <dt>By when</dt>
              <dd class="summary-item__due" onBlur={() => void dueSave.flush()}>
                <DueDateField
                  label={`${props.label} by when`}
                  timeLabel={`${props.label} by when, time`}
                  caption=""
                  value={due.typed}
                  onChange={due.change}
                />
              </dd>
            </div>
            {item.howWillYouKnow && <Fact term="How will you know" value={item.howWillYouKnow} />}
            {item.support && <Fact term="Support" value={item.support} />}
          </dl>
        )}
      </div>
      <div class="summary-item__side">
        {props.alwaysPrivate ? (
          <span class="chip">Coach-private</span>
        ) : (
          <label class="choice small">
            <input
              type="checkbox"
              checked={item.shareable}
              aria-label={`${props.label} shareable with client`}
              onChange={(e) => void toggleShare(e.currentTarget.checked)}
            />
            Shareable
          </label>
        )}
        <SavedTick status={autosave.status === 'idle' ? dueSave.status : autosave.status} />
      </div>
      {autosave.error && <ErrorNote what="Not saved." error={autosave.error} kept onRetry={() => void autosave.flush()} />}
      {shareError && <ErrorNote what="Sharing not changed." error={shareError} />}
      {dueSave.error && <ErrorNote what="Date not saved." error={dueSave.error} kept onRetry={() => void dueSave.flush()} />}
    </li>
  );
}

function Fact(props: { term: string; value: string }) {
  return (
    <div class="meta-list__row">
      <dt>{props.term}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}
