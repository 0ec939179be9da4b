import { Readable } from 'node:stream';

import { csvLine } from '../analytics/report/export/analytics-csv';
import type { SessionSummaryDto } from './dto/session-response.dto';

/** The list's columns, in the JSON's names, so a CSV and a page of the list read alike. */
const COLUMNS: (keyof SessionSummaryDto)[] = [
  'id',
  'tree_id',
  'tree_name',
  'tree_version',
  'user_id',
  'user_name',
  'started_at',
  'completed_at',
  'outcome',
  'duration_minutes',
  'duration_seconds',
  'current_node_id',
  'current_node_title',
  'ended_at_node_id',
  'ended_at_node_title',
  'steps_answered',
  'rating',
  'comment',
  'notes',
  'external_ref',
  'external_url',
];

/**
 * RFC 4180 (formula-safe, see analytics/report/export/analytics-csv.ts), one line per session in
 * the list's order, written slice by slice as they are read. An export that moves nothing for
 * `idleMs` (a client that stopped reading: the stream waits on it, its transaction open) is
 * ended: the stream is destroyed, which stops the reader and rolls its transaction back.
 */
export function sessionsCsv(
  slices: AsyncIterable<SessionSummaryDto[]>,
  { idleMs }: { idleMs?: number } = {},
): Readable {
  let timer: NodeJS.Timeout | undefined;
  const moved = () => {
    clearTimeout(timer);
    if (idleMs)
      timer = setTimeout(
        () => stream.destroy(new Error(`the sessions export moved nothing for ${idleMs / 1000} s`)),
        idleMs,
      ).unref();
  };
  async function* lines(): AsyncGenerator<string> {
    try {
      moved();
      yield `${csvLine(COLUMNS)}\r\n`;
      for await (const sessions of slices) {
        moved();
        yield sessions
          .map((session) => `${csvLine(COLUMNS.map((column) => session[column] as string | number | null))}\r\n`)
          .join('');
      }
    } finally {
      clearTimeout(timer);
    }
  }
  // One slice buffered ahead (objectMode's default is 16): what a slow client leaves unread stays small.
  const stream = Readable.from(lines(), { highWaterMark: 1 });
  return stream;
}
