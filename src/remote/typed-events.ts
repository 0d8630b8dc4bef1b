/**
 * Recorder events from a server arrive as JSON lists; the plots and the local engine's results use
 * Float64Array. Converting once, where the reply is read, makes both alike and lets a worker hand
 * the arrays over without copying.
 */

/** `response` with every all-number list inside `events` entries turned into a Float64Array. */
export function typedEvents(response: unknown): unknown {
  const events = (response as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return response;
  const typed = events.map((entry) =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, isNumberList(value) ? Float64Array.from(value) : value]))
      : entry,
  );
  return { ...(response as object), events: typed };
}

function isNumberList(value: unknown): value is number[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'number') return false;
  return true;
}
