import { useRef, useState } from 'preact/hooks';
import { ITEM_KIND_LABELS, type Item } from '@/lib/model/types';
import { ItemEditor } from './ItemEditor';

/** `2026-11-28T09:30` → "28 Nov, 09:30" in the coach's locale. */
export function formatDue(due: string): string {
  const [date, time] = due.split('T');
  const [y, m, d] = (date ?? '').split('-').map(Number);
  if (!y || !m || !d) return due;
  const day = new Date(y, m - 1, d).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return time ? `${day}, ${time}` : day;
}

/** One captured item: its kind in the coach's words, the words, and edit / share / delete in place. */
export function CapturedItem(props: { item: Item; onToggleShare(): void; onDelete(): void; onEdited(): void }) {
  const { item } = props;
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const done = () => {
    setEditing(false);
    props.onEdited();
    queueMicrotask(() => editButton.current?.focus());
  };

  return (
    <li class={`hs-capture__item hs-capture__item--${item.kind}`}>
      <div class="hs-capture__item-head">
        <span class="hs-capture__kind-tag">{ITEM_KIND_LABELS[item.kind]}</span>
        {!item.shareable && <span class="hs-capture__private">Coach-private</span>}
      </div>
      {editing ? (
        <ItemEditor item={item} onClose={done} />
      ) : (
        <div class="hs-capture__item-body">
          <p class="hs-capture__item-text">{item.text}</p>
          {item.kind === 'commitment' && (
            <dl class="hs-capture__facts">
              {item.due && <Fact term="By when" value={formatDue(item.due)} />}
              {item.howWillYouKnow && <Fact term="How will you know" value={item.howWillYouKnow} />}
              {item.support && <Fact term="Support" value={item.support} />}
            </dl>
          )}
        </div>
      )}
      <div class="hs-capture__item-actions">
        {!editing && (
          <button ref={editButton} type="button" class="hs-capture__small" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <button type="button" class="hs-capture__small hs-capture__share" aria-label="Shareable with client" aria-pressed={item.shareable} onClick={props.onToggleShare}>
          Shareable
        </button>
        <button type="button" class="hs-capture__small" onClick={props.onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}

function Fact(props: { term: string; value: string }) {
  return (
    <div class="hs-capture__fact">
      <dt>{props.term}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}
