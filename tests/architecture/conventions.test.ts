/**
 * The architecture, enforced: components never reach browser APIs or IndexedDB, lib/ keeps browser and DOM
 * access in its named adapters, entrypoints stay wiring, the source imports form no cycle, the content script
 * stays free of UI and storage, and tests mirror the source tree.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, type ImportGraph } from './import-graph';
import { MAX_BRANCHES, MAX_STATEMENTS, wiringViolations } from './wiring';

const ROOT = join(__dirname, '..', '..');

function filesUnder(dir: string, pattern = /\.(ts|tsx)$/): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...filesUnder(rel, pattern));
    else if (pattern.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Source without comments, so a comment that mentions `browser.*` does not count. */
function code(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const BROWSER_API =
  /\b(browser|chrome)\.(runtime|storage|tabs|commands|sidePanel|sidebarAction|action|windows|scripting)\b|from ['"](wxt\/browser|#imports|webextension-polyfill)['"]/;
const IDB = /from ['"]idb['"]|\bindexedDB\b|\bIDBFactory\b/;
const DOM = /\b(document|window|navigator|localStorage|sessionStorage)\./;
/** What the content script (and the call-page DOM adapter it bundles) must never pull in. */
const CALL_PAGE_FORBIDDEN =
  /from ['"](preact|preact\/.*|@\/components\/.*|idb|#imports)['"]|\bstorage\.|(@\/lib\/|\.\.\/)(store|api|platform)\//;
const TESTS_IMPORT = /from ['"](@\/tests\/|(\.\.\/)+tests\/)[^'"]*/;
const UI_IMPORT = /from ['"](@\/components\/|(\.\.\/)+components\/)/;
/** A module that declares only types (no top-level value): it has nothing of its own to test. */
const TYPES_ONLY = (source: string) => !/^(export\s+)?(default\s+)?(const|let|var|async|function|class|enum)\b/m.test(source);

function exists(rel: string): boolean {
  try {
    statSync(join(ROOT, rel));
    return true;
  } catch {
    return false;
  }
}

function sourceTexts(dirs: string[]): Map<string, string> {
  return new Map(dirs.flatMap((d) => filesUnder(d)).map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
}

function offenders(files: string[], rule: RegExp, allowed: (f: string) => boolean = () => false): string[] {
  return files.filter((f) => !allowed(f) && rule.test(code(f)));
}

describe('architecture', () => {
  const components = filesUnder('components');
  const lib = filesUnder('lib');
  const isPlatform = (f: string) => f.startsWith(join('lib', 'platform'));
  /** The call page's DOM adapter: the overlay iframe the content script docks (no browser APIs of its own). */
  const isDock = (f: string) => f.startsWith(join('lib', 'dock') + '/');
  const isDbModule = (f: string) => f === join('lib', 'store', 'db.ts');

  it('components never call browser.* or IndexedDB: they receive what they need', () => {
    expect(offenders(components, BROWSER_API)).toEqual([]);
    expect(offenders(components, IDB)).toEqual([]);
  });

  it('lib/ reaches the browser only through lib/platform, and IndexedDB only through lib/store/db.ts', () => {
    expect(offenders(lib, BROWSER_API, isPlatform)).toEqual([]);
    expect(offenders(lib, IDB, isDbModule)).toEqual([]);
  });

  it('lib/ outside its platform adapters and the call-page dock has no DOM', () => {
    expect(offenders(lib, DOM, (f) => isPlatform(f) || isDock(f))).toEqual([]);
  });

  it('lib/ does not depend on the UI', () => {
    expect(offenders(lib, UI_IMPORT)).toEqual([]);
  });

  it('entrypoints are wiring: short files, no storage or database code of their own', () => {
    const entry = filesUnder('entrypoints');
    const long = entry.filter(
      (f) =>
        code(f)
          .split('\n')
          .filter((l) => l.trim()).length > 70,
    );
    expect(long).toEqual([]);
    expect(offenders(entry, IDB)).toEqual([]);
    expect(offenders(entry, /\.(put|add|delete|getAll)\(|createObjectStore|\bopenDB\b/)).toEqual([]);
  });

  it('entrypoints are wiring: imports, the WXT define* call and calls of imported functions, nothing else', () => {
    const entry = filesUnder('entrypoints');
    const violations = new Map(entry.map((f) => [f, wiringViolations(f, readFileSync(join(ROOT, f), 'utf8'))]));
    const breaking = entry.filter((f) => violations.get(f)!.length > 0);
    expect(
      breaking.flatMap((f) => violations.get(f)!),
      'logic in entrypoints/ belongs in lib/ or components/',
    ).toEqual([]);
  });

  it('the source import graph has no cycle, type-only imports included', () => {
    const cycles = findCycles(importGraph(sourceTexts(['lib', 'components', 'entrypoints'])));
    if (cycles.length > 0) console.info(`Import cycles:\n${cycles.map((c) => `  ${c.key}\n    ${c.path}`).join('\n')}`);
    expect(
      cycles.map((c) => c.key),
      'import cycle',
    ).toEqual([]);
  }, 60_000);

  it('the content script carries no UI framework, no storage and no coaching data', () => {
    const cs = filesUnder('entrypoints').filter((f) => f.includes('.content'));
    const dock = lib.filter(isDock);
    expect(cs.length).toBeGreaterThan(0);
    expect(dock.length).toBeGreaterThan(0);
    expect(offenders([...cs, ...dock], CALL_PAGE_FORBIDDEN)).toEqual([]);
  });

  it("production code does not import tests; only the background's bench hook reaches the bench seeder", () => {
    const background = join('entrypoints', 'background', 'index.ts');
    const sources = [...components, ...lib, ...filesUnder('entrypoints')];
    expect(offenders(sources, TESTS_IMPORT, (f) => f === background)).toEqual([]);
    const fromBackground = code(background).match(new RegExp(TESTS_IMPORT.source, 'g')) ?? [];
    expect(fromBackground).toEqual([`from '@/tests/bench/seed/seed`]);
    expect(code(background)).toMatch(/if \(import\.meta\.env\.MODE === 'bench'\)[^\n]*seedDirect/);
  });

  it('the call-page dock serves the content script only', () => {
    const others = [...components, ...lib.filter((f) => !isDock(f)), ...filesUnder('entrypoints').filter((f) => !f.includes('.content'))];
    expect(offenders(others, /from ['"](@\/lib\/|(\.\.\/)+)dock\//)).toEqual([]);
  });

  it('tests mirror the source tree: each unit test names an existing source file, each lib/ folder is tested', () => {
    const tests = filesUnder('tests', /\.test\.tsx?$/).filter((f) => !f.startsWith(join('tests', 'architecture')));
    const orphans = tests.filter((t) => {
      // `parse.test.ts` and `parse.fuzz.test.ts` both mirror `parse.ts`.
      const source = t.slice('tests/'.length).replace(/\.test\.tsx?$/, '');
      const candidates = [source, source.replace(/\.[a-z-]+$/, '')];
      // The benchmark's own code (tests/bench) is tested beside it.
      if (t.startsWith(join('tests', 'bench') + '/')) candidates.push(t.replace(/\.test\.tsx?$/, ''));
      return !candidates.some((c) => ['.ts', '.tsx', '.mjs'].some((ext) => exists(c + ext)) || exists(c));
    });
    expect(orphans).toEqual([]);
    const hasBehaviour = (f: string) => !TYPES_ONLY(code(f)) && /\bfunction\b|=>/.test(code(f));
    const libFolders = [...new Set(lib.filter(hasBehaviour).map((f) => f.split('/').slice(0, 2).join('/')))];
    const untested = libFolders.filter((d) => !tests.some((t) => t.startsWith(join('tests', d) + '/')));
    expect(untested).toEqual([]);
  });

  it('the rules above can fail: they catch a planted violation', () => {
    expect(BROWSER_API.test("const x = browser.storage.local.get('k');")).toBe(true);
    expect(BROWSER_API.test("import { browser } from 'wxt/browser';")).toBe(true);
    expect(IDB.test("import { openDB } from 'idb';")).toBe(true);
    expect(DOM.test('document.querySelector("x")')).toBe(true);
    expect(CALL_PAGE_FORBIDDEN.test("import { createStore } from '../store/store';")).toBe(true);
    expect(CALL_PAGE_FORBIDDEN.test("import { browserSettings } from '@/lib/platform/browser-settings';")).toBe(true);
    expect(TESTS_IMPORT.test("import { seedRecord } from '@/tests/bench/seed/seed';")).toBe(true);
    expect(UI_IMPORT.test("import type { AppEnv } from '@/components/app/env';")).toBe(true);
    expect(UI_IMPORT.test("import { useEnv } from '../../components/app/env';")).toBe(true);
    expect(TYPES_ONLY('export interface A {\n  f(cb: () => void): void;\n}')).toBe(true);
    expect(TYPES_ONLY('export interface A {}\nexport const a = () => 1;')).toBe(false);
    expect(relative(ROOT, join(ROOT, 'lib'))).toBe('lib');
  });

  it('the cycle detector finds a planted cycle, through `@/`, relative, index and type-only imports', () => {
    const planted = new Map([
      ['lib/a.ts', "import { b } from '@/lib/b';\nimport 'preact';"],
      ['lib/b.ts', "export { c } from './deep';"],
      ['lib/deep/index.ts', "import type { A } from '../a';"],
      ['lib/leaf.ts', "import { a } from './a';"],
      ['lib/self.ts', "const again = () => import('./self');"],
    ]);
    expect(findCycles(importGraph(planted))).toEqual([
      { key: 'lib/a.ts <-> lib/b.ts <-> lib/deep/index.ts', path: 'lib/a.ts -> lib/b.ts -> lib/deep/index.ts -> lib/a.ts' },
      { key: 'lib/self.ts', path: 'lib/self.ts -> lib/self.ts' },
    ]);
    planted.set('lib/deep/index.ts', "import type { Issue } from 'valibot';");
    expect(findCycles(importGraph(planted)).map((c) => c.key)).toEqual(['lib/self.ts']);

    // And in the real graph: one more edge closes a loop the test above would report.
    const real: ImportGraph = importGraph(sourceTexts(['lib', 'components', 'entrypoints']));
    const before = findCycles(real).map((c) => c.key);
    real.get(join('lib', 'model', 'types.ts'))!.add(join('lib', 'store', 'store.ts'));
    const added = findCycles(real).filter((c) => !before.includes(c.key));
    expect(added).toHaveLength(1);
    expect(added[0]!.key).toContain('lib/model/types.ts');
  }, 60_000);

  it('the wiring rule catches helpers, loops and long functions in an entrypoint, and passes plain wiring', () => {
    const wiring = [
      "import { mountApp } from '@/components/app/mount';",
      'mountApp(document.body, () => env());',
      'export default defineBackground(() => {',
      '  const api = create();',
      '  if (api) serve(api);',
      '});',
    ].join('\n');
    expect(wiringViolations('entrypoints/x/index.ts', wiring)).toEqual([]);
    expect(wiringViolations('entrypoints/x/index.ts', 'export function helper() {}')).toEqual([
      'entrypoints/x/index.ts:1: top-level FunctionDeclaration',
    ]);
    expect(wiringViolations('entrypoints/x/index.ts', 'const LIMIT = 3;')).toEqual([
      'entrypoints/x/index.ts:1: top-level VariableStatement',
    ]);
    expect(wiringViolations('entrypoints/x/index.ts', 'document.body.append(x);')).toEqual([
      'entrypoints/x/index.ts:1: top-level ExpressionStatement',
    ]);
    // A module beside the entrypoint, loaded as a chunk of its own; nothing else is imported that way.
    expect(wiringViolations('entrypoints/x/main.ts', "import('./app');")).toEqual([]);
    expect(wiringViolations('entrypoints/x/main.ts', "import('../../lib/x');")).toEqual([
      'entrypoints/x/main.ts:1: top-level ExpressionStatement',
    ]);
    expect(wiringViolations('entrypoints/x/main.ts', 'import(name);')).toEqual(['entrypoints/x/main.ts:1: top-level ExpressionStatement']);
    expect(wiringViolations('entrypoints/x/index.ts', 'export default defineBackground(() => { for (;;) {} });')).toEqual([
      'entrypoints/x/index.ts:1: a loop',
    ]);
    const long = `export default defineContentScript({ main() {\n${'  step();\n'.repeat(MAX_STATEMENTS + 1)}} });`;
    expect(wiringViolations('entrypoints/x/index.ts', long)).toEqual([
      `entrypoints/x/index.ts:1: a function of ${MAX_STATEMENTS + 1} statements (at most ${MAX_STATEMENTS})`,
    ]);
    const branchy = `export default defineBackground(() => on((m) => {\n${'  m.a ? x() : y();\n'.repeat(MAX_BRANCHES + 1)}}));`;
    expect(wiringViolations('entrypoints/x/index.ts', branchy)).toEqual([
      `entrypoints/x/index.ts:1: a function with ${MAX_BRANCHES + 1} branches (at most ${MAX_BRANCHES})`,
    ]);
  });
});
