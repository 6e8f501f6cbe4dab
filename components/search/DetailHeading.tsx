import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** The heading of an opened result; it takes focus when it appears, so the reader starts there. */
export function DetailHeading(props: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []); // in the commit that shows it: no key typed after lands elsewhere
  return (
    <h2 ref={ref} class="section-title" tabIndex={-1}>
      {props.children}
    </h2>
  );
}
