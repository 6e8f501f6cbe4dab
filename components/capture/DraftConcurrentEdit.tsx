import type { Concurrent } from '../hooks/useSharedText';
import { ConcurrentEdit } from '../ui/ConcurrentEdit';
import type { CaptureDraft } from './draft';

const PARTS: { key: keyof CaptureDraft; label: string }[] = [
  { key: 'text', label: 'Capture' },
  { key: 'kind', label: 'Kind' },
  { key: 'dueText', label: 'By when' },
  { key: 'dueTime', label: 'Time' },
  { key: 'howWillYouKnow', label: 'How will you know' },
  { key: 'support', label: 'Support' },
];

/** Another view's capture draft, beside the one typed here: the parts that differ, and the coach's choice. */
export function DraftConcurrentEdit(props: { mine: CaptureDraft; concurrent: Concurrent<CaptureDraft>; onChosen(): void }) {
  const { mine, concurrent } = props;
  const differ = PARTS.filter((p) => mine[p.key] !== concurrent.theirs[p.key]);
  const parts =
    differ.length === 1 && differ[0]!.key === 'text'
      ? [{ text: concurrent.theirs.text }]
      : differ.map((p) => ({ label: p.label, text: concurrent.theirs[p.key] }));
  return (
    <ConcurrentEdit
      what="The capture draft"
      theirs={parts}
      onKeepMine={concurrent.keepMine}
      onUseTheirs={concurrent.useTheirs}
      onKeepBoth={concurrent.keepBoth}
      onChosen={props.onChosen}
    />
  );
}
