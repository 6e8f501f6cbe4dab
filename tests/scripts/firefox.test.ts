import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atLeast, minimumFirefox, offeredVersions, parseVersion } from '@/scripts/firefox.mjs';

// What `apt-cache policy firefox-esr` printed on Debian 12 after `apt-get update` (security suite first).
const POLICY = `firefox-esr:
  Installed: 140.12.0esr-1~deb12u1
  Candidate: 153.8.0esr-1~deb12u1
  Version table:
     153.8.0esr-1~deb12u1 500
        500 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages
 *** 140.12.0esr-1~deb12u1 500
        500 http://deb.debian.org/debian bookworm/main amd64 Packages
        100 /var/lib/dpkg/status
`;

describe('finding a Firefox new enough for the add-on', () => {
  it("reads the minimum from the manifest's strict_min_version in wxt.config.ts", () => {
    const config = readFileSync(join(__dirname, '..', '..', 'wxt.config.ts'), 'utf8');
    expect(config).toContain(`strict_min_version: '${minimumFirefox()}'`);
    expect(parseVersion(minimumFirefox())).not.toBeNull();
  });

  it("lists every version in apt-cache policy's table, the installed one too, and no priority lines", () => {
    expect(offeredVersions(POLICY)).toEqual(['153.8.0esr-1~deb12u1', '140.12.0esr-1~deb12u1']);
    expect(offeredVersions('N: Unable to locate package firefox-esr\n')).toEqual([]);
  });

  it('compares Debian, Firefox and manifest versions by major then minor', () => {
    expect(atLeast('153.8.0esr-1~deb12u1', '142.0')).toBe(true);
    expect(atLeast('140.12.0esr-1~deb12u1', '142.0')).toBe(false);
    expect(atLeast('142.0', '142.0')).toBe(true);
    expect(atLeast('142.0esr', '142.1')).toBe(false);
    expect(atLeast('not a version', '142.0')).toBe(false);
    expect(offeredVersions(POLICY).find((v) => atLeast(v, '142.0'))).toBe('153.8.0esr-1~deb12u1');
  });
});
