import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { badgeCardTypes, type BadgeCardType, type CardTypePolicy } from '../../../../shared/api/cardPolicy';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';

const uses = ['staffBadge', 'temporaryBadge', 'visitorTicket'] as const;

/** The badge office's card-type policy: which models may serve as what (the core enforces it on every bind). */
export function CardTypePolicyForm() {
  const { t, i18n } = useTranslation();
  const { api } = useDesk();
  const [open, setOpen] = useState(false);
  const [policy, setPolicy] = useState<CardTypePolicy | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (open) api.getCardTypePolicy({}).then(setPolicy, (reason: unknown) => setNotice({ kind: 'error', text: describeError(reason, i18n.language) }));
  }, [api, open, i18n.language]);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('enrollment.policy.open')}
      </button>
    );
  }
  const toggle = (use: (typeof uses)[number], type: BadgeCardType, on: boolean) =>
    setPolicy((current) => (current === null ? current : { ...current, [use]: on ? [...current[use], type] : current[use].filter((candidate) => candidate !== type) }));
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (policy === null) return;
    api.updateCardTypePolicy(policy).then(
      (saved) => {
        setPolicy(saved);
        setNotice({ kind: 'ok', text: t('enrollment.policy.saved') });
      },
      (reason: unknown) => setNotice({ kind: 'error', text: describeError(reason, i18n.language) }),
    );
  };
  return (
    <form className="card-policy" onSubmit={save} aria-labelledby="card-policy-heading" data-testid="card-policy">
      <h3 id="card-policy-heading">{t('enrollment.policy.title')}</h3>
      {policy !== null && (
        <table className="results">
          <thead>
            <tr>
              <th scope="col">{t('enrollment.policy.model')}</th>
              {uses.map((use) => (
                <th scope="col" key={use}>
                  {t(`enrollment.policy.use.${use}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {badgeCardTypes.map((type) => (
              <tr key={type}>
                <th scope="row">{t(`enrollment.policy.model.${type}`)}</th>
                {uses.map((use) => (
                  <td key={use}>
                    <input
                      type="checkbox"
                      aria-label={t('enrollment.policy.allow', { model: t(`enrollment.policy.model.${type}`), use: t(`enrollment.policy.use.${use}`) })}
                      checked={policy[use].includes(type)}
                      onChange={(event) => toggle(use, type, event.target.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">{t('enrollment.policy.hint')}</p>
      <button type="submit" className="primary">
        {t('enrollment.policy.save')}
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        {t('enrollment.policy.close')}
      </button>
      <div role="status" aria-live="polite">
        {notice !== null && <p className={`status-banner ${notice.kind === 'ok' ? 'status-ok' : 'status-error'}`}>{notice.text}</p>}
      </div>
    </form>
  );
}
