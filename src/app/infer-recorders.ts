/**
 * For a program edited by hand the blocks no longer say which recorder produced which entry of
 * `response["events"]`; the events themselves do: analog recorders carry a value array beside
 * senders and times.
 */
import type { RecorderInfo } from '../../generators/nest';

export function inferRecorders(response: unknown): RecorderInfo[] {
  const events = (response as { events?: unknown })?.events;
  if (!Array.isArray(events)) return [];
  return events.map((ev, i) => {
    const keys = ev && typeof ev === 'object' ? Object.keys(ev).filter((k) => k !== 'senders' && k !== 'times') : [];
    return {
      name: `events[${i}]`,
      model: keys.length > 0 ? (keys.length === 1 && keys[0] === 'V_m' ? 'voltmeter' : 'multimeter') : 'spike_recorder',
      blockId: '',
      recordables: keys,
      sources: null,
    };
  });
}

/**
 * The names of `response["events"]`'s entries in a program's text — `"events": [sr1.events,
 * vm1.events]`, as the generated code ends — so hand-edited code keeps its recorders' names.
 * Entries that are not `<name>.events` (or a text that no longer says it) give null.
 */
export function eventNamesIn(code: string): (string | null)[] {
  const m = /["']events["']\s*:\s*\[([^\]]*)\]/.exec(code);
  if (!m) return [];
  return m[1].split(',').filter((item) => item.trim() !== '').map((item) => /^\s*([A-Za-z_]\w*)\.events\s*$/.exec(item)?.[1] ?? null);
}

/**
 * Recorders of a hand-edited program: what the events show (inferRecorders), named as the code
 * names them; a name the blocks' program also records with the same kind of recorder keeps that
 * recorder's block, so clicking its title still finds it and a lesson goal naming it still applies.
 */
export function recordersOfEditedCode(response: unknown, code: string, blocks: readonly RecorderInfo[]): RecorderInfo[] {
  const names = eventNamesIn(code);
  return inferRecorders(response).map((inferred, i) => {
    const name = names[i];
    if (!name) return inferred;
    const same = blocks.find((b) => b.name === name && (b.model === inferred.model || (b.model !== 'spike_recorder' && inferred.model !== 'spike_recorder')));
    return same ? { ...same, recordables: inferred.recordables } : { ...inferred, name };
  });
}
