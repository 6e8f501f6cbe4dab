import { useEffect, useState } from 'preact/hooks';
import type { Session } from '@/lib/model/types';
import type { EngagementGoal } from '@/lib/model/client';
import { Button } from '../ui/Button';
import { ContractCard } from './ContractCard';
import { ContractChoices } from './ContractChoices';
import { ContractField } from './ContractField';
import { CONTRACT_FIELDS } from './prompts';

/**
 * Contracting: the form while the contract is being agreed, then the compact card. Opens on the form
 * until a desired outcome exists; once one does and the coach moves on to another tab (`shown` false), the
 * contract is agreed and shows as the card, so coming back (Alt+1) lands on "Contract check-in".
 */
export function ContractPanel(props: {
  session: Session;
  /** The client's engagement goals, for the contract's goal choice. */
  goals?: EngagementGoal[];
  onSaved(session: Session): void;
  onContractingQuestions(): void;
  /** False while another tab is shown in its place (the overlay); the wide panel always shows it. */
  shown?: boolean;
}) {
  const { session } = props;
  const [editing, setEditing] = useState(() => session.contract.desiredOutcome.trim() === '');
  const agreed = session.contract.desiredOutcome.trim() !== '';
  useEffect(() => {
    if (props.shown === false && agreed) setEditing(false);
  }, [props.shown]);
  if (!editing) return <ContractCard session={session} goals={props.goals} onSaved={props.onSaved} onEdit={() => setEditing(true)} />;
  return (
    <form class="contract-form" aria-labelledby="contract-title" onSubmit={(e) => e.preventDefault()}>
      <div class="section-head">
        <h2 class="section-title" id="contract-title">
          Contract
        </h2>
        <Button variant="ghost" small onClick={props.onContractingQuestions}>
          Contracting questions
        </Button>
      </div>
      {/* Where Alt+1 lands (components/app/focusWork.ts): the first of these still empty, else Topic. */}
      <div class="contract-form__fields" data-focus-target="empty">
        {CONTRACT_FIELDS.map((f) => (
          <ContractField
            key={f.field}
            sessionId={session.id}
            field={f.field}
            label={f.label}
            prompt={f.prompt}
            multiline={f.multiline}
            value={session.contract[f.field]}
            onSaved={props.onSaved}
          />
        ))}
      </div>
      <ContractChoices session={session} goals={props.goals} onSaved={props.onSaved} />
      <ContractField
        sessionId={session.id}
        field="notes"
        label="Contract notes"
        value={session.contract.notes}
        multiline
        onSaved={props.onSaved}
      />
      <div class="actions">
        <Button variant="primary" small onClick={() => setEditing(false)}>
          Show contract card
        </Button>
      </div>
    </form>
  );
}
