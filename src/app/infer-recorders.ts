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
