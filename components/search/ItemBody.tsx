import { REVIEW_STATUS_LABELS, type Item } from '@/lib/model/types';
import { formatDay, formatDueShort } from '@/lib/model/dates';
import { UserText } from '@/components/ui/UserText';

/** A captured item's words and, for a commitment, its due date, accountability and reviews. */
export function ItemBody(props: { item: Item; now: number }) {
  const { item } = props;
  return (
    <div class="item-body">
      <p class="pre">
        <UserText text={item.text} />
      </p>
      {item.kind === 'commitment' && (
        <dl class="meta-list">
          {item.due && <Meta term="Due" value={formatDueShort(item.due, props.now)} />}
          {item.howWillYouKnow && <Meta term="How will you know" value={item.howWillYouKnow} />}
          {item.support && <Meta term="Support" value={item.support} />}
          {item.reviews.map((r) => (
            <Meta
              key={r.at}
              term={`Reviewed ${formatDay(r.at, props.now)}`}
              value={`${REVIEW_STATUS_LABELS[r.status]}${r.note ? ` — ${r.note}` : ''}`}
            />
          ))}
        </dl>
      )}
      {!item.shareable && <span class="chip">Private</span>}
    </div>
  );
}

export function Meta(props: { term: string; value: string }) {
  return (
    <div class="meta-list__row">
      <dt>{props.term}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}
