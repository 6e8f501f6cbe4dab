/**
 * The one focus rule (design language: "focus lands where work continues"). After a shortcut, a tab switch,
 * a finished step or the panel coming back from the pill, focus goes to the control the coach uses next in
 * the area that opened, and that control is scrolled into view below the sticky tab bar.
 *
 * Where work continues, in an area:
 * 1. its first `[data-focus-target]`: a control itself, or a group whose first control is meant
 *    (`data-focus-target="empty"`: the group's first empty text field, else its first text field);
 * 2. else its first text field (the capture field, Topic, the search box: never a radio or a tab);
 * 3. else its first control.
 *
 * How far to scroll: the sticky header's room is the control's CSS `scroll-margin-top` (set on focusable
 * content in styles/layout.css, so the browser's own Tab scrolling keeps the same room). When the control
 * fits on screen together with the top of its area, the area's top is shown (its heading, the capture kind
 * switch); otherwise just the control. Scrolling is done here, on the nearest scrolling box only: a native
 * `scrollIntoView` would also scroll the call page around the overlay's frame.
 */
import { isTypingTarget } from '@/lib/keymap/match';

export const FOCUS_TARGET = 'data-focus-target';

const CONTROLS =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** happy-dom (unit tests) lays nothing out: there, "not inside [hidden]" is all that can be told. */
function shownOrUnmeasured(el: HTMLElement): boolean {
  if (el.getClientRects().length > 0) return true;
  const body = el.ownerDocument.body;
  return body === null || body.getClientRects().length === 0;
}

const usable = (el: HTMLElement): boolean => el.tabIndex >= 0 && !el.closest('[hidden]') && shownOrUnmeasured(el);

const controlsIn = (root: Element): HTMLElement[] => [...root.querySelectorAll<HTMLElement>(CONTROLS)].filter(usable);

const isTextField = (el: HTMLElement): boolean => isTypingTarget(el) && el.tagName !== 'SELECT';

const isEmpty = (el: HTMLElement): boolean => (el as HTMLInputElement).value === '';

/** Where work continues in `area`: the control, and what to show with it (its marked group, else itself). */
export function workTarget(area: Element | null | undefined): { control: HTMLElement; show: HTMLElement } | null {
  if (!area) return null;
  for (const marked of area.querySelectorAll<HTMLElement>(`[${FOCUS_TARGET}]`)) {
    if (marked.closest('[hidden]')) continue;
    if (marked.matches(CONTROLS) && usable(marked)) return { control: marked, show: marked };
    const inside = controlsIn(marked);
    const fields = marked.getAttribute(FOCUS_TARGET) === 'empty' ? inside.filter(isTextField) : [];
    const control = fields.find(isEmpty) ?? fields[0] ?? inside[0];
    // A group's first field is shown on its own; a whole item (a commitment to review) is shown whole.
    if (control) return { control, show: fields.length ? control : marked };
  }
  const controls = controlsIn(area);
  const control = controls.find(isTextField) ?? controls[0];
  return control ? { control, show: control } : null;
}

/** Focuses where work continues in `area` and scrolls it into view; returns what took focus. */
export function focusWork(area: Element | null | undefined): HTMLElement | null {
  const target = workTarget(area);
  if (!target || !area) return null;
  target.control.focus({ preventScroll: true });
  reveal(target.show, area);
  return target.control;
}

/** The nearest ancestor that scrolls vertically. */
export function scrollBox(el: Element): HTMLElement | null {
  for (let at = el.parentElement; at; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at);
    if ((overflowY === 'auto' || overflowY === 'scroll') && at.scrollHeight > at.clientHeight) return at;
  }
  return null;
}

const px = (value: string): number => Number.parseFloat(value) || 0;

/**
 * Scrolls `target` into view inside its scrolling box, below the sticky header (its `scroll-margin-top`).
 * With `area`, shows the area's top too when both fit. Does nothing when it is already in view (and no area
 * top is asked for).
 */
export function reveal(target: HTMLElement, area?: Element): void {
  const box = scrollBox(target);
  if (!box) return;
  const style = getComputedStyle(target);
  const view = box.getBoundingClientRect();
  const top = view.top + box.clientTop + px(style.scrollMarginTop);
  const bottom = view.top + box.clientTop + box.clientHeight - px(style.scrollMarginBottom);
  const room = bottom - top;
  if (room < 24) return; // nothing useful fits (the frame is still pill-sized): wait for the next size
  const t = target.getBoundingClientRect();
  const a = area?.getBoundingClientRect();
  if (a && t.bottom - a.top <= room) {
    box.scrollTop += a.top - top;
    return;
  }
  if (t.top < top || t.height > room) box.scrollTop += t.top - top;
  else if (t.bottom > bottom) box.scrollTop += t.bottom - bottom;
}
