import { useEffect, useState } from 'preact/hooks';

/** Two columns from this width (the side panel only; the overlay always shows one task at a time). */
export const WIDE_MIN_PX = 720;

export function useWide(enabled: boolean): boolean {
  const [width, setWidth] = useState(() => (typeof window === 'undefined' ? 0 : window.innerWidth));
  useEffect(() => {
    if (!enabled) return;
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [enabled]);
  return enabled && width >= WIDE_MIN_PX;
}
