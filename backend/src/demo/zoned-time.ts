import { offsetAt, ZonedParts, zonedParts } from '../common/time/zoned-time';

export { ZonedParts, zonedParts };

/**
 * The instant at which the zone's clock shows the given wall time. Around a DST change the
 * result may be an hour off for the missing/repeated hour, which the seed never uses (night).
 */
export function zonedTimeToUtc(timeZone: string, parts: ZonedParts): Date {
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const first = asUtc - offsetAt(asUtc, timeZone);
  return new Date(asUtc - offsetAt(first, timeZone));
}
