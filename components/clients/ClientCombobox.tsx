import { useId, useState } from 'preact/hooks';
import type { Client } from '@/lib/model/types';
import { exactClient, matchClients } from './match';
import { UserText } from '@/components/ui/UserText';
import { showBidiControls } from '@/lib/text/bidi';

export type ClientChoice = { kind: 'client'; client: Client } | { kind: 'create'; name: string };

/**
 * The "Client" combobox: type-ahead over existing clients with a "Create client …" option when the name
 * is new. Typing or Down opens the list (recent clients first), Down/Up move, Enter chooses, Escape
 * closes the list (then clears).
 */
export function ClientCombobox(props: {
  clients: Client[];
  recent: Client[];
  query: string;
  onQuery(query: string): void;
  onChoose(choice: ClientChoice): void;
  autoFocus?: boolean;
  describedBy?: string;
  inputId?: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = matchClients(props.clients, props.query, props.recent);
  const name = props.query.trim();
  const options: ClientChoice[] = matches.map((client) => ({ kind: 'client', client }));
  if (name && !exactClient(props.clients, name)) options.push({ kind: 'create', name });
  const activeIndex = Math.min(active, options.length - 1);
  const expanded = open && options.length > 0;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const choose = (choice: ClientChoice | undefined) => {
    if (!choice) return;
    setOpen(false);
    props.onChoose(choice);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : options.length - 1);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % options.length);
    } else if (e.key === 'Enter') {
      if (!expanded) {
        const exact = exactClient(props.clients, name);
        if (name) choose(exact ? { kind: 'client', client: exact } : { kind: 'create', name });
        e.preventDefault();
        return;
      }
      e.preventDefault();
      choose(options[activeIndex]);
    } else if (e.key === 'Escape' && (expanded || props.query)) {
      e.preventDefault();
      e.stopPropagation();
      if (expanded) setOpen(false);
      else props.onQuery('');
    }
  };

  return (
    <div class="combobox">
      <input
        id={props.inputId ?? `${id}-input`}
        class="input"
        type="text"
        role="combobox"
        aria-label="Client"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        aria-describedby={props.describedBy}
        autocomplete="off"
        spellcheck={false}
        placeholder="Type a name"
        autoFocus={props.autoFocus}
        value={props.query}
        onInput={(e) => {
          props.onQuery(e.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Clients" class="combobox__list" hidden={!expanded}>
        {options.map((option, i) => (
          <li
            key={option.kind === 'client' ? option.client.id : 'create'}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            class={`combobox__option ${option.kind === 'create' ? 'combobox__option--create' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(option)}
            onMouseMove={() => i !== activeIndex && setActive(i)}
          >
            {option.kind === 'client' ? <UserText text={option.client.name} /> : `Create client “${showBidiControls(option.name)}”`}
          </li>
        ))}
      </ul>
    </div>
  );
}
