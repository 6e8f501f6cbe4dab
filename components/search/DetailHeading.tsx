import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** The heading of an opened result; it takes focus when it appears, so the reader starts there. */
export function DetailHeading(props: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 ref={ref} class="section-title" tabIndex={-1}>
      {props.children}
    </h2>
  );
}
