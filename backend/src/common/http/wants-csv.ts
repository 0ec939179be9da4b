import accepts from 'accepts';
import type { FastifyRequest } from 'fastify';

export const CSV_TYPE = 'text/csv';

/** format wins; without it the Accept header decides (JSON when both or neither are acceptable). */
export function wantsCsv(format: 'json' | 'csv' | undefined, req: FastifyRequest): boolean {
  if (format) return format === 'csv';
  return accepts(req.raw).type(['application/json', CSV_TYPE]) === CSV_TYPE;
}
