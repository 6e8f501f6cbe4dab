import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** One titled part of the settings, a region named by its heading. */
export function SettingsSection(props: { title: string; children: ComponentChildren }) {
  const id = useId();
  return (
    <section class="settings__section" aria-labelledby={id}>
      <h3 id={id}>{props.title}</h3>
      {props.children}
    </section>
  );
}
