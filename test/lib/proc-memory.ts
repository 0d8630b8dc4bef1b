// Memory of a process tree on Linux, from /proc: the proportional set size (PSS: shared pages
// split between the processes sharing them), so summing over Chromium's processes does not count
// its shared libraries many times over.
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces and parentheses: parse after the last ')'
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[1]);
  } catch {
    return null;
  }
}

/** Every live process below `root` (not `root` itself). */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent === null) continue;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(pid);
  }
  const out: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** PSS of one process in bytes (0 when it is gone or unreadable). */
export function pssBytes(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const m = /^Pss:\s+(\d+) kB/m.exec(text);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Summed PSS of the processes below `root` whose command line matches `pattern`. */
export function treePss(root: number, pattern: RegExp): number {
  let total = 0;
  for (const pid of descendants(root)) {
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (pattern.test(cmd)) total += pssBytes(pid);
  }
  return total;
}

/** Samples treePss every `everyMs` until stopped; reports the baseline (first sample) and peak. */
export function sampleTreePss(root: number, pattern: RegExp, everyMs = 200): { stop: () => { baseline: number; peak: number } } {
  const baseline = treePss(root, pattern);
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, treePss(root, pattern));
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, treePss(root, pattern));
      return { baseline, peak };
    },
  };
}
