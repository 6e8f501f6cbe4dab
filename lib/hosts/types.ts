/** Everything Holdspace knows about one call host sits in that host's module (meet.ts, zoom.ts). */
export interface CallHost {
  id: 'meet' | 'zoom';
  label: string;
  matchesHost(hostname: string): boolean;
  /** True when the path is a call (where the overlay belongs), false on lobbies and landing pages. */
  isCallPath(pathname: string): boolean;
}
