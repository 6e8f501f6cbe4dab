// CPU time a Chromium's processes used (Linux /proc), per kind of process: on a shared, loaded machine the
// wall time of a step swings with the other work, while the CPU time it costs swings far less. Null elsewhere.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_S = 100;

function stat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), cpuMs: ((Number(rest[11]) + Number(rest[12])) * 1000) / TICKS_PER_S };
  } catch {
    return null;
  }
}

/** Chromium rewrites its children's command lines as one space-separated string. */
function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  } catch {
    return [];
  }
}

/** CPU ms so far of the Chromium started with `--user-data-dir=<profileDir>` and its children, by kind. */
export function chromiumCpu(profileDir) {
  let pids;
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const all = new Map();
  for (const pid of pids) {
    const s = stat(pid);
    if (s) all.set(Number(pid), s);
  }
  const root = [...all.keys()].find((pid) => {
    const c = commandLine(pid);
    return c.includes(`--user-data-dir=${profileDir}`) && !c.some((a) => a.startsWith('--type='));
  });
  if (root === undefined) return null;
  const out = {};
  const visit = (pid) => {
    const c = commandLine(pid);
    const type = c.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
    const kind =
      type === 'renderer'
        ? c.includes('--extension-process')
          ? 'extension'
          : 'renderer'
        : type === 'utility'
          ? (c.find((a) => a.startsWith('--utility-sub-type='))?.slice(19) ?? 'utility')
          : type;
    out[kind] = (out[kind] ?? 0) + all.get(pid).cpuMs;
    for (const [child, s] of all) if (s.ppid === pid) visit(child);
  };
  visit(root);
  return out;
}

/** What `after` used more than `before`, per kind, with a total. */
export function cpuSince(before, after) {
  if (!before || !after) return null;
  const out = {};
  let total = 0;
  for (const kind of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const ms = (after[kind] ?? 0) - (before[kind] ?? 0);
    if (ms > 0) {
      out[kind] = ms;
      total += ms;
    }
  }
  return { total, ...out };
}
