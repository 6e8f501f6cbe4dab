import { useEffect, useState } from 'preact/hooks';

/** `value`, once it has stayed the same for `delayMs` (the empty value passes at once). */
export function useDebounced<T>(value: T, delayMs: number, immediate: (v: T) => boolean = (v) => v === ''): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (immediate(value)) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
