/** A few line icons (24-unit grid, currentColor). Decorative: the button around them carries the name. */
import type { JSX } from 'preact';

const PATHS = {
  play: 'M8 5.5v13l10.5-6.5z',
  pause: 'M8 5h3v14H8zM13 5h3v14h-3z',
  eye: 'M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12zM12 9a3 3 0 100 6 3 3 0 000-6z',
  eyeOff:
    'M3 3l18 18M10.6 5.6A9.7 9.7 0 0112 5.5c6 0 9.5 6.5 9.5 6.5a16 16 0 01-3 3.8M6.5 6.9C4 8.6 2.5 12 2.5 12s3.5 6.5 9.5 6.5c1.6 0 3-.4 4.2-1M9.9 9.9a3 3 0 004.2 4.2',
  gear: 'M12 8.5a3.5 3.5 0 100 7 3.5 3.5 0 000-7zM19.4 13.5l1.6 1.2-2 3.5-1.9-.7a7 7 0 01-1.9 1.1l-.3 2h-4l-.3-2a7 7 0 01-1.9-1.1l-1.9.7-2-3.5 1.6-1.2a7 7 0 010-3l-1.6-1.2 2-3.5 1.9.7a7 7 0 011.9-1.1l.3-2h4l.3 2a7 7 0 011.9 1.1l1.9-.7 2 3.5-1.6 1.2a7 7 0 010 3z',
  minimize: 'M5 12h14',
  grip: 'M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01',
  keyboard: 'M3 7h18v10H3zM7 10h.01M10 10h.01M13 10h.01M16 10h.01M8 14h8',
  search: 'M10.5 4a6.5 6.5 0 110 13 6.5 6.5 0 010-13zM15.5 15.5L20 20',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  alert: 'M12 4l9 16H3zM12 10v4M12 17h.01',
  close: 'M6 6l12 12M18 6L6 18',
  back: 'M14.5 6l-6 6 6 6',
  stop: 'M7 7h10v10H7z',
  pencil: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v4M16 3v4',
  clock: 'M12 3.5a8.5 8.5 0 110 17 8.5 8.5 0 010-17zM12 7.5V12l3 2',
  people:
    'M9 11a3.5 3.5 0 100-7 3.5 3.5 0 000 7zM2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6M16 4.5a3.5 3.5 0 010 6.5M18 14.3c2.1.7 3.5 2.8 3.5 5.7',
  lock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 017 0v3',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon(props: { name: IconName; size?: number } & JSX.SVGAttributes<SVGSVGElement>) {
  const { name, size = 16, ...rest } = props;
  const filled = name === 'play' || name === 'pause' || name === 'stop';
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      {...rest}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
