import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * An absolute http(s) URL with a host, as browsers parse it (WHATWG URL), without spaces or
 * control characters. Intranet hosts without a dot are fine: ticketing tools often live on one.
 * Other schemes (javascript:, data:, file:) are refused, so a stored link is safe to show.
 */
export function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || /\s/.test(value) || Array.from(value).some((ch) => ch < ' ' || ch === '\u007f'))
    return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const IsHttpUrl = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isHttpUrl',
      validator: { validate: isHttpUrl, defaultMessage: () => '$property must be an http or https URL' },
    },
    options,
  );
