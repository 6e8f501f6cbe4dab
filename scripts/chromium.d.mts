export function findChromium(env?: Record<string, string | undefined>): string | null;
export function ensureChromium(): string;
export const FIXTURE_HOSTS: string[];
export function chromiumArgs(options: { extensionDir: string | null; fixturePort: number }): string[];
