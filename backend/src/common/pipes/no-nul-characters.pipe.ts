import { ArgumentMetadata, Injectable, PipeTransform, UnprocessableEntityException } from '@nestjs/common';

/** The path of the first string in `value` (or key of it) holding a NUL character, as "nodes.1.title". */
export function pathOfNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return itemPath;
    const found = pathOfNul(item, itemPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold NUL (U+0000): refused with 422 naming the field, in every body and
 * query, before validation — instead of a database error that names none. (Path parameters are
 * ids: a malformed one is 404, as absent.)
 */
@Injectable()
export class NoNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const path = pathOfNul(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    if (path !== undefined)
      throw new UnprocessableEntityException([`${path || metadata.type} must not contain NUL characters (\\u0000)`]);
    return value;
  }
}
