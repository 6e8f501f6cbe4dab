import { useRef, useState } from 'preact/hooks';
import { ITEM_KIND_LABELS, type Item } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { Button } from '../ui/Button';
import { formatDueShort, isOverdue } from '@/lib/model/dates';
import { ItemEditor } from './ItemEditor';
import { UserText } from '@/components/ui/UserText';

/** One captured item: its kind in the coach's words, the words, and edit / share / delete in place. */
export function CapturedItem(props: { item: Item; onToggleShare(): void; onDelete(): void; onEdited(): void }) {
  const { item } = props;
  const { now } = useEnv();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const done = () => {
    setEditing(false);
    props.onEdited();
    queueMicrotask(() => editButton.current?.focus());
  };

  return (
    <li class={`hs-capture__item hs-capture__item--${item.kind}`} data-item-id={item.id}>
      <div class="hs-capture__item-head">
        <span class="chip hs-capture__kind-tag">{ITEM_KIND_LABELS[item.kind]}</span>
        {!item.shareable && <span class="chip hs-capture__private">Coach-private</span>}
      </div>
      {editing ? (
        <ItemEditor item={item} onClose={done} />
      ) : (
        <div class="hs-capture__item-body">
          <p class="hs-capture__item-text">
            <UserText text={item.text} />
          </p>
          {item.kind === 'commitment' && (
            <dl class="hs-capture__facts">
              {item.due && (
                <Fact term="By when" value={formatDueShort(item.due, now()) + (isOverdue(item.due, now()) ? ' (overdue)' : '')} />
              )}
              {item.howWillYouKnow && <Fact term="How will you know" value={item.howWillYouKnow} />}
              {item.support && <Fact term="Support" value={item.support} />}
            </dl>
          )}
        </div>
      )}
      <div class="hs-capture__item-actions">
        {!editing && (
          <Button small variant="ghost" buttonRef={editButton} onClick={() => setEditing(true)}>
            Edit
          </Button>
        )}
        <Button
          small
          variant="ghost"
          class="hs-capture__share"
          aria-label="Shareable with client"
          aria-pressed={item.shareable}
          onClick={props.onToggleShare}
        >
          Shareable
        </Button>
        <Button small variant="ghost" onClick={props.onDelete}>
          Delete
        </Button>
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
