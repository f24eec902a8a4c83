import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecondAgentInput } from '../../../../shared/api/secondAgent';
import { useCardReaders } from './useCardReaders';
import { useDeskSession } from './useDeskSession';

interface SecondAgentFieldsProps {
  value: SecondAgentInput;
  onChange: (value: SecondAgentInput) => void;
}

/**
 * Four eyes: the second agent puts their own CPS in a reader and types its PIN; the core checks
 * the card, the PIN, the role and that it is not the acting agent.
 */
export function SecondAgentFields({ value, onChange }: SecondAgentFieldsProps) {
  const { t } = useTranslation();
  const readerId = useId();
  const pinId = useId();
  const { session } = useDeskSession();
  // The second agent's card is anywhere but in the acting agent's own reader.
  const readers = (useCardReaders()?.readers ?? []).filter((reader) => reader.name !== session?.agentReader);
  const withCps = readers.filter((reader) => reader.card?.cps !== null && reader.card?.cps !== undefined);
  const choices = withCps.length > 0 ? withCps : readers;
  // Follow the reader where the second agent's CPS shows up, unless the agent picked one.
  const [picked, setPicked] = useState(false);
  const preferred = withCps[0]?.name ?? choices[0]?.name ?? '';
  useEffect(() => {
    if (!picked && preferred !== '' && value.reader !== preferred) onChange({ ...value, reader: preferred });
  }, [picked, preferred, value, onChange]);
  return (
    <fieldset className="second-agent" data-testid="second-agent">
      <legend>{t('enrollment.secondAgent.legend')}</legend>
      <label htmlFor={readerId}>{t('enrollment.secondAgent.reader')}</label>{' '}
      <select
        id={readerId}
        value={value.reader}
        onChange={(event) => {
          setPicked(true);
          onChange({ ...value, reader: event.target.value });
        }}
      >
        {choices.map((reader) => (
          <option key={reader.name} value={reader.name}>
            {reader.name}
            {reader.card?.cps ? ` — ${reader.card.cps.lastName} ${reader.card.cps.firstName}` : ''}
          </option>
        ))}
      </select>{' '}
      <label htmlFor={pinId}>{t('enrollment.secondAgent.pin')}</label>{' '}
      <input
        id={pinId}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        required
        pattern="\d{4,8}"
        value={value.pin}
        onChange={(event) => onChange({ ...value, pin: event.target.value })}
      />
    </fieldset>
  );
}
