/** Desk time and interactions of one issuance, from the agent's first action to the confirmation. */
export interface FlowMeter {
  startedAt: string | null;
  interactions: number;
  /** Text fields already counted: typing a name is one interaction, not one per key. */
  touchedFields: readonly string[];
}

export const idleMeter: FlowMeter = { startedAt: null, interactions: 0, touchedFields: [] };

/** Counts one interaction (a click, a card tapped, a field filled) and starts the timer on the first. */
export function countInteraction(meter: FlowMeter, now: Date, field?: string): FlowMeter {
  if (field !== undefined && meter.touchedFields.includes(field)) return meter;
  return {
    startedAt: meter.startedAt ?? now.toISOString(),
    interactions: meter.interactions + 1,
    touchedFields: field === undefined ? meter.touchedFields : [...meter.touchedFields, field],
  };
}

export function elapsedSeconds(meter: FlowMeter, now: Date): number {
  return meter.startedAt === null ? 0 : Math.max(0, Math.floor((now.getTime() - new Date(meter.startedAt).getTime()) / 1000));
}

/** "48 s", "1 min 05 s". */
export function formatDeskTime(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** An instant as the value of an `<input type="datetime-local">` (the desk's local time). */
export function toDateTimeLocal(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Back from the input to an ISO instant; null when the field is incomplete. */
export function fromDateTimeLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
