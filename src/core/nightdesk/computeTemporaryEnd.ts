import type { NightDeskSettings } from '../../shared/api/nightdesk.contract';

export interface TemporaryEndProposal {
  /** End of the current shift plus the margin (never beyond the hard maximum). */
  defaultEnd: Date;
  /** The hard maximum: now + `maxHours`. */
  latestEnd: Date;
}

/** Minutes east of UTC of `zone` at `instant` (Europe/Paris: 60 in winter, 120 in summer). */
function zoneOffsetMinutes(instant: Date, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wallClockAsUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return Math.round((wallClockAsUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant at which the wall clock of `zone` shows `day` (UTC date parts) at `hhmm`. */
function wallClockInstant(day: Date, hhmm: string, zone: string): Date {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  const naive = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hours, minutes);
  const guess = new Date(naive - zoneOffsetMinutes(new Date(naive), zone) * 60_000);
  return new Date(naive - zoneOffsetMinutes(guess, zone) * 60_000);
}

/**
 * Someone who comes to the desk this long before a shift change is starting the shift that change
 * opens (a nurse of the night shift arrives at 20:50 for 21:00), not finishing the current one.
 */
export const shiftStartLeadMinutes = 60;

/**
 * Until when a temporary card is valid by default: the end of the shift the person is working or
 * starting — the next shift change, or the one after when a change is less than
 * `shiftStartLeadMinutes` away (in the hospital's time zone, daylight saving included) — plus the
 * margin, capped by the hard maximum.
 */
export function computeTemporaryEnd(now: Date, settings: NightDeskSettings): TemporaryEndProposal {
  const latestEnd = new Date(now.getTime() + settings.maxHours * 3_600_000);
  const localToday = new Date(now.getTime() + zoneOffsetMinutes(now, settings.timeZone) * 60_000);
  const changes = [0, 1, 2].flatMap((dayOffset) => {
    const day = new Date(Date.UTC(localToday.getUTCFullYear(), localToday.getUTCMonth(), localToday.getUTCDate() + dayOffset));
    return settings.shiftChanges.map((hhmm) => wallClockInstant(day, hhmm, settings.timeZone));
  });
  const upcoming = changes.filter((change) => change.getTime() > now.getTime()).sort((a, b) => a.getTime() - b.getTime());
  const startingNextShift = upcoming[0]!.getTime() - now.getTime() <= shiftStartLeadMinutes * 60_000 && upcoming.length > 1;
  const shiftEnd = startingNextShift ? upcoming[1]! : upcoming[0]!;
  const withMargin = new Date(shiftEnd.getTime() + settings.marginMinutes * 60_000);
  return { defaultEnd: withMargin.getTime() > latestEnd.getTime() ? latestEnd : withMargin, latestEnd };
}
