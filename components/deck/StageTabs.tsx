import { useRef } from 'preact/hooks';
import { STAGE_LABELS, STAGES, type Stage } from '@/lib/model/types';

export const stageTabId = (idBase: string, stage: Stage) => `${idBase}-tab-${stage}`;

/** "Options & perspectives" → "Options": the tabs show the first word, the full name is the accessible one. */
const shortLabel = (stage: Stage) => STAGE_LABELS[stage].split(' ')[0] ?? STAGE_LABELS[stage];

/** The stage tabs: one tab stop, Left/Right/Home/End move between stages (and open them). */
export function StageTabs(props: { idBase: string; panelId: string; stage: Stage; dimmed: boolean; onSelect(stage: Stage): void }) {
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const at = STAGES.indexOf(props.stage);
    const last = STAGES.length - 1;
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % STAGES.length
        : event.key === 'ArrowLeft'
          ? (at + last) % STAGES.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    const next = STAGES[to];
    if (!next) return;
    event.preventDefault();
    props.onSelect(next);
    list.current?.querySelector<HTMLElement>(`#${stageTabId(props.idBase, next)}`)?.focus();
  };

  return (
    <div
      ref={list}
      class={`hs-deck__tabs${props.dimmed ? ' hs-deck__tabs--dimmed' : ''}`}
      role="tablist"
      aria-label="Stages"
      onKeyDown={onKeyDown}
    >
      {STAGES.map((stage) => {
        const selected = stage === props.stage;
        return (
          <button
            key={stage}
            id={stageTabId(props.idBase, stage)}
            type="button"
            role="tab"
            class="hs-deck__tab"
            aria-selected={selected}
            aria-controls={props.panelId}
            tabIndex={selected ? 0 : -1}
            aria-label={shortLabel(stage) === STAGE_LABELS[stage] ? undefined : STAGE_LABELS[stage]}
            title={STAGE_LABELS[stage]}
            onClick={() => props.onSelect(stage)}
          >
            {shortLabel(stage)}
          </button>
        );
      })}
    </div>
  );
}
