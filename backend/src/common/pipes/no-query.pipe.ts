import { Injectable, PipeTransform, UnprocessableEntityException } from '@nestjs/common';

/**
 * For a route that takes no query parameters, beside routes that take many: a caller sending
 * `period=30d` or `format=csv` there must hear that it does not apply (422, as the DTOs' whitelist
 * answers), not get an answer it did not ask for.
 */
@Injectable()
export class NoQueryPipe implements PipeTransform<Record<string, unknown>, Record<string, never>> {
  transform(query: Record<string, unknown> | undefined): Record<string, never> {
    const names = Object.keys(query ?? {});
    if (names.length) throw new UnprocessableEntityException(names.map((name) => `property ${name} should not exist`));
    return {};
  }
}
