import type { JSX } from 'preact';
import { useRef } from 'preact/hooks';
import { ariaKeys, keyText, type KeyId } from '@/lib/keymap/keymap';
import { Icon, type IconName } from './Icon';
import { Kbd } from './Kbd';

export interface TabSpec<K extends string> {
  key: K;
  label: string;
  /** The accessible name when the visible label is shortened. */
  name?: string;
  /** Shown instead of the label where space is tight (the label stays the accessible name). */
  icon?: IconName;
  /** The keymap entry of the key that opens the tab (e.g. `tab.contract`, Alt+1), shown on it. */
  shortcut?: KeyId;
  /** A small count beside the label (e.g. prior commitments left to review): an accent pill, amber for `warn`. */
  badge?: string;
  badgeTone?: 'accent' | 'warn';
  /** The count in words ("3 to review"): the tab's description and part of its tooltip. */
  badgeLabel?: string;
}

export const tabId = (prefix: string, key: string) => `${prefix}-tab-${key}`;
export const panelId = (prefix: string, key: string) => `${prefix}-panel-${key}`;

/** Props for the tab panel of `key`; it is `hidden` unless active, so it keeps its state while away. */
export function tabPanelProps(prefix: string, key: string, active: string): JSX.HTMLAttributes<HTMLDivElement> {
  return { role: 'tabpanel', id: panelId(prefix, key), 'aria-labelledby': tabId(prefix, key), hidden: key !== active, class: 'tab-panel' };
}

/** WAI-ARIA tabs with a roving tab stop: Left/Right/Home/End move and select. */
export function Tabs<K extends string>(props: { label: string; prefix: string; tabs: TabSpec<K>[]; active: K; onSelect(key: K): void }) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent) => {
    const keys = props.tabs.map((t) => t.key);
    const at = keys.indexOf(props.active);
    const next =
      event.key === 'ArrowRight'
        ? keys[(at + 1) % keys.length]
        : event.key === 'ArrowLeft'
          ? keys[(at - 1 + keys.length) % keys.length]
          : event.key === 'Home'
            ? keys[0]
            : event.key === 'End'
              ? keys[keys.length - 1]
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    props.onSelect(next);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(props.prefix, next))}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={props.label} ref={list} onKeyDown={move}>
      {props.tabs.map((tab) => {
        const selected = tab.key === props.active;
        const name = tab.name ?? tab.label;
        // Named by content: visible words plus hidden ones. An aria-label would leave the visible key hint out of the name.
        const hidden = tab.icon ? name : name.startsWith(tab.label) ? name.slice(tab.label.length) : '';
        const ariaLabel = !tab.icon && !name.startsWith(tab.label) ? name : undefined;
        const described = tab.badge && tab.badgeLabel ? `${tabId(props.prefix, tab.key)}-badge` : undefined;
        const tip = [name, described && tab.badgeLabel].filter(Boolean).join(' · ');
        return (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={tabId(props.prefix, tab.key)}
            aria-controls={panelId(props.prefix, tab.key)}
            aria-selected={selected}
            aria-keyshortcuts={tab.shortcut && ariaKeys(tab.shortcut)}
            aria-label={ariaLabel}
            aria-describedby={described}
            title={tab.shortcut ? `${tip} (${keyText(tab.shortcut)})` : described ? tip : undefined}
            tabIndex={selected ? 0 : -1}
            class="tab"
            onClick={() => props.onSelect(tab.key)}
          >
            {tab.icon ? <Icon name={tab.icon} /> : <span class="tab__label">{tab.label}</span>}
            {hidden && <span class="visually-hidden">{hidden}</span>}
            {tab.badge && (
              <span class={`tab__badge tab__badge--${tab.badgeTone ?? 'accent'}`} aria-hidden="true">
                {tab.badge}
              </span>
            )}
            {tab.shortcut && <Kbd shortcut={tab.shortcut} short class="tab__kbd" />}
            {described && (
              <span id={described} hidden>
                {tab.badgeLabel}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
