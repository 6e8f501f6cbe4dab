export function minimumFirefox(): string;
export function parseVersion(text: string | null | undefined): [number, number] | null;
export function atLeast(version: string, minimum: string): boolean;
export function firefoxVersion(path: string): string | null;
export function findFirefox(env?: Record<string, string | undefined>): string | null;
export function offeredVersions(policy: string): string[];
export function ensureFirefox(): { path: string; version: string };
