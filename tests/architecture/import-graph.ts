/**
 * The source import graph and its cycles, for tests/architecture. Counts every static import and re-export,
 * type-only ones too (ESLint's import-x/no-cycle skips those), plus dynamic `import('…')` of a string literal.
 * Resolves `@/…` (the project root) and relative specifiers to .ts/.tsx files; package imports are left out.
 */
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

/** Source file (root-relative, `/`-separated) → the source files it imports. */
export type ImportGraph = Map<string, Set<string>>;

export interface Cycle {
  /** The files of one strongly connected component, sorted: stable across runs, for KNOWN_CYCLES. */
  key: string;
  /** One concrete loop through them, for the reader: `a.ts -> b.ts -> a.ts`. */
  path: string;
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function specifiers(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) out.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function resolve(from: string, specifier: string, files: ReadonlyMap<string, string>): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = join(dirname(from), specifier);
  else return null;
  base = normalize(base).replace(/\\/g, '/');
  for (const ext of EXTENSIONS) if (files.has(base + ext)) return base + ext;
  return null;
}

/** `files`: root-relative path → source text. Imports of files outside the map are left out. */
export function importGraph(files: ReadonlyMap<string, string>): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const [file, text] of files) {
    const targets = new Set<string>();
    for (const spec of specifiers(file, text)) {
      const target = resolve(file, spec, files);
      if (target) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function tangles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.has(v)) out.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return out;
}

/** A shortest loop from `start` back to itself inside `members` (breadth first). */
function loopThrough(graph: ImportGraph, start: string, members: Set<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

export function findCycles(graph: ImportGraph): Cycle[] {
  return tangles(graph).map((members) => ({
    key: members.join(' <-> '),
    path: loopThrough(graph, members[0]!, new Set(members)).join(' -> '),
  }));
}
