// What the production build ships: bytes (minified, and gzipped per file) of the content script, each
// extension page with everything it loads, and the background worker; the content script split into
// Holdspace's own code and WXT's content-script runtime; and a check that no bench hook reached it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';
import { parse } from 'acorn';

const gzipBytes = (buffer) => gzipSync(buffer, { level: 9 }).length;

function fileSize(dir, rel) {
  const buffer = readFileSync(join(dir, rel));
  return { file: rel, bytes: buffer.length, gzipBytes: gzipBytes(buffer) };
}

/**
 * The JS chunks a chunk imports statically or dynamically (relative specifiers), transitively, and the
 * stylesheets Vite loads with a dynamic import (listed from the root in its `__vite__mapDeps`).
 */
function chunkClosure(dir, start) {
  const seen = new Set();
  const visit = (rel) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const code = readFileSync(join(dir, rel), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      visit(posix.normalize(posix.join(posix.dirname(rel), m[1])));
    }
    for (const m of code.matchAll(/["'`](assets\/[^"'`]+\.css)["'`]/g)) if (existsSync(join(dir, m[1]))) seen.add(m[1]);
  };
  visit(start);
  return [...seen];
}

/** An extension page and everything its HTML loads (scripts, module preloads, stylesheets, their imports). */
function pageSize(dir, html) {
  const text = readFileSync(join(dir, html), 'utf8');
  const files = new Set([html]);
  for (const m of text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/?([^"]+)"/g)) {
    const rel = m[1];
    if (!existsSync(join(dir, rel))) continue;
    if (rel.endsWith('.js')) chunkClosure(dir, rel).forEach((f) => files.add(f));
    else files.add(rel);
  }
  return total([...files].map((f) => fileSize(dir, f)));
}

function total(parts) {
  return {
    bytes: parts.reduce((s, p) => s + p.bytes, 0),
    gzipBytes: parts.reduce((s, p) => s + p.gzipBytes, 0),
    files: parts,
  };
}

/**
 * Splits the content script bundle (an IIFE) at its top-level statements: from the first statement after
 * WXT's `defineContentScript` (an identity function) up to the `defineContentScript({ …, main })` call is
 * Holdspace's code (its browser shim, lib/hosts, lib/frame, the dock, the entrypoint); the rest is WXT's
 * runtime (ContentScriptContext, location watcher, logger, the startup wrapper).
 */
export function splitContentScript(code) {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  const call = ast.body[0]?.expression;
  const fn = call?.type === 'CallExpression' ? call.callee : null;
  const body = fn && 'body' in fn && fn.body.type === 'BlockStatement' ? fn.body.body : null;
  if (!body) return null;
  const isIdentity = (s) =>
    s.type === 'FunctionDeclaration' &&
    s.params.length === 1 &&
    s.body.body.length === 1 &&
    s.body.body[0].type === 'ReturnStatement' &&
    s.body.body[0].argument?.name === s.params[0].name;
  const isEntry = (s) =>
    s.type === 'VariableDeclaration' &&
    s.declarations.some(
      (d) =>
        d.init?.type === 'CallExpression' &&
        d.init.arguments[0]?.type === 'ObjectExpression' &&
        d.init.arguments[0].properties.some((p) => p.key?.name === 'main'),
    );
  const entry = body.findIndex(isEntry);
  if (entry < 0) return null;
  const first = body.findIndex((s, i) => i <= entry && !isIdentity(s));
  const ours = code.slice(body[first].start, body[entry].end);
  const wxt = code.slice(0, body[first].start) + code.slice(body[entry].end);
  const part = (text) => ({ bytes: Buffer.byteLength(text), gzipBytes: gzipBytes(Buffer.from(text)) });
  return {
    holdspace: part(ours),
    wxtRuntime: part(wxt),
    method: 'top-level statements of the minified bundle, split at the defineContentScript({ main }) call (gzip of each part alone)',
  };
}

/** Sizes of the production build at `dir` (e.g. .output/chrome-mv3). */
export function buildSizes(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const scripts = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  const content = total([...new Set(scripts)].map((f) => fileSize(dir, f)));
  const mainScript = scripts.find((f) => f.endsWith('.js'));
  const worker = manifest.background?.service_worker;
  return {
    contentScript: { ...content, breakdown: mainScript ? splitContentScript(readFileSync(join(dir, mainScript), 'utf8')) : null },
    overlay: pageSize(dir, 'overlay.html'),
    sidepanel: pageSize(dir, manifest.side_panel?.default_path ?? 'sidepanel.html'),
    background: worker ? total(chunkClosure(dir, worker).map((f) => fileSize(dir, f))) : null,
  };
}

/** Throws when any script of the production build carries the bench build's hook (or the seeder with it). */
export function assertNoBenchHook(dir) {
  const scripts = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'));
  const offenders = scripts.filter((f) => /__holdspaceBench|seedDirect|Delegating the roadmap/.test(readFileSync(join(dir, f), 'utf8')));
  if (offenders.length) throw new Error(`The production build at ${dir} contains the bench hook in ${offenders.join(', ')}`);
  return { scriptsChecked: scripts.length };
}
