import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NightDeskSettings } from '../../../../shared/api/nightdesk.contract';
import { useDesk } from '../../desk/DeskContext';

/** Badge office: shift changes, margin, hard maximum and the mass-leaver threshold. */
export function NightDeskSettingsForm({ settings, onSaved, onError }: { settings: NightDeskSettings; onSaved: () => void; onError: (reason: unknown) => void }) {
  const { t } = useTranslation();
  const { api } = useDesk();
  const [shiftChanges, setShiftChanges] = useState(settings.shiftChanges.join(', '));
  const [marginMinutes, setMarginMinutes] = useState(String(settings.marginMinutes));
  const [maxHours, setMaxHours] = useState(String(settings.maxHours));
  const [sharePercent, setSharePercent] = useState(String(Math.round(settings.massLeaverShare * 1000) / 10));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    api
      .updateNightDeskSettings({
        shiftChanges: shiftChanges.split(/[\s,;]+/).filter((value) => value !== ''),
        marginMinutes: Number(marginMinutes),
        maxHours: Number(maxHours),
        timeZone: settings.timeZone,
        massLeaverShare: Number(sharePercent) / 100,
      })
      .then(onSaved, onError);
  };
  return (
    <form className="nightdesk-inline" onSubmit={submit} aria-label={t('nightdesk.settings.title')}>
      <label>
        {t('nightdesk.settings.shiftChanges')}
        <input value={shiftChanges} onChange={(event) => setShiftChanges(event.target.value)} />
      </label>
      <label>
        {t('nightdesk.settings.margin')}
        <input type="number" min={0} max={720} value={marginMinutes} onChange={(event) => setMarginMinutes(event.target.value)} />
      </label>
      <label>
        {t('nightdesk.settings.max')}
        <input type="number" min={1} max={288} value={maxHours} onChange={(event) => setMaxHours(event.target.value)} />
      </label>
      <label>
        {t('nightdesk.settings.share')}
        <input type="number" min={0.1} max={100} step={0.1} value={sharePercent} onChange={(event) => setSharePercent(event.target.value)} />
      </label>
      <button type="submit">{t('nightdesk.settings.save')}</button>
    </form>
  );
}
