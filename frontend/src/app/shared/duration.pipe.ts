import { Pipe, type PipeTransform } from '@angular/core';

/** "1h 05m", "4m 12s", "35s" between two ISO timestamps; "—" while there is no end. */
@Pipe({ name: 'rfDuration' })
export class DurationPipe implements PipeTransform {
  transform(startedAt: string | null | undefined, endedAt: string | null | undefined): string {
    if (!startedAt || !endedAt) {
      return '—';
    }
    const totalSeconds = Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000));
    if (Number.isNaN(totalSeconds)) {
      return '—';
    }
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    if (hours > 0) {
      return `${hours}h ${String(minutes).padStart(2, '0')}m`;
    }
    if (minutes > 0) {
      return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
    }
    return `${seconds}s`;
  }
}
