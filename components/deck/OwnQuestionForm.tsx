import { useState } from 'preact/hooks';
import { STAGE_LABELS, type Stage } from '@/lib/model/types';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';

/** The coach's own question, added to the open stage. A refused add keeps the words and says why. */
export function OwnQuestionForm(props: { stage: Stage; onAdd(text: string): Promise<string | null> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (text.trim() === '') {
      setError('Type the question first.');
      return;
    }
    setBusy(true);
    const failure = await props.onAdd(text.trim());
    setBusy(false);
    setError(failure);
    if (!failure) setText('');
  };

  return (
    <form class="hs-deck__own" onSubmit={add}>
      <input
        class="input hs-deck__input"
        aria-label="New question"
        placeholder={`Your own question for ${STAGE_LABELS[props.stage]}`}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <Button type="submit" small disabled={busy}>
        Add question
      </Button>
      {error && <ErrorNote what="Not added." error={error} kept={text.trim() !== ''} />}
    </form>
  );
}
