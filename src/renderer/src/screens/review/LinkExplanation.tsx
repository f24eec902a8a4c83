import { useTranslation } from 'react-i18next';
import type { SourceRecordView } from '../../../../shared/api/directory.contract';
import { EvidenceTable } from './EvidenceTable';
import { EvidenceWaterfall } from './EvidenceWaterfall';
import { formatProbability, ruleKeyOf } from './reviewViewModel';

/** On the person page: how a record came to be linked (decision, rule, score) and the evidence on demand. */
export function LinkExplanation({ link }: { link: NonNullable<SourceRecordView['link']> }) {
  const { t } = useTranslation();
  const status =
    link.rule === 'hr-reference'
      ? t('review.reference')
      : link.decision === 'validated'
        ? t('review.linkValidated', { by: link.validatedBy ?? '—' })
        : t(link.decision === 'automatic' ? 'review.linkAutomatic' : link.decision === 'pending' ? 'review.linkPending' : 'review.linkRejected');
  return (
    <>
      {' '}
      — {status}
      {link.rule !== 'hr-reference' && (
        <details>
          <summary>
            {link.probability === null ? t('review.score', { score: link.score }) : t('review.probability', { probability: formatProbability(link.probability) })} ·{' '}
            {t('review.rule', { rule: t(ruleKeyOf(link.rule), { defaultValue: link.rule }) })}
          </summary>
          <EvidenceWaterfall evidence={link.evidence} priorWeight={link.priorWeight} probability={link.probability} />
          <EvidenceTable evidence={link.evidence} caption={t('review.evidence')} />
        </details>
      )}
    </>
  );
}
