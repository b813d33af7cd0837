import { ExceptionEvent } from '@aspm/plugin-aspm-common';

/** Events oldest first (stable for events at the same time). */
export function sortExceptionEvents(
  events: ExceptionEvent[],
): ExceptionEvent[] {
  return events
    .map((event, index) => ({ event, index, at: Date.parse(event.at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(e => e.event);
}
