import { Injectable, NotFoundException, PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path id that is not a UUID cannot name anything: answer 404 as for any unknown id,
 * so malformed and foreign ids look the same.
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly what = 'Resource') {}

  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundException(`${this.what} not found`);
    return value.toLowerCase();
  }
}

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
