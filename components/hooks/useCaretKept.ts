import { useLayoutEffect, useRef } from 'preact/hooks';
import { editOf } from '@/lib/text/merge';

/**
 * When words from another view land in the focused field, the caret stays where the coach was typing
 * (moved along by what was inserted before it), rather than jumping to the end.
 */
export function useCaretKept(ref: { current: HTMLInputElement | HTMLTextAreaElement | null }, text: string) {
  const before = useRef<{ text: string; start: number; end: number } | null>(null);
  const el = ref.current;
  if (el && el === document.activeElement && el.value !== text && el.selectionStart !== null)
    before.current = { text: el.value, start: el.selectionStart, end: el.selectionEnd ?? el.selectionStart };
  useLayoutEffect(() => {
    const was = before.current;
    before.current = null;
    const node = ref.current;
    if (!was || !node || node !== document.activeElement) return;
    const change = editOf(was.text, text);
    if (!change) return;
    const shift = (at: number) => (change.end <= at ? at + change.insert.length - (change.end - change.start) : Math.min(at, text.length));
    node.setSelectionRange(shift(was.start), shift(was.end));
  }, [text]);
}
