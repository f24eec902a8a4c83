import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/useDateFormat';
import type { FidoMetadataStatus } from '../../../../shared/api/fido.contract';
import { useDesk } from '../../desk/DeskContext';
import type { useFidoStatus } from './useFidoStatus';

/** What offline metadata the desk holds; import a signed MDS3 BLOB or a local statements file. */
export function MetadataPanel({ status }: { status: ReturnType<typeof useFidoStatus> }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const { api } = useDesk();
  const [metadata, setMetadata] = useState<FidoMetadataStatus | null>(null);
  const [kind, setKind] = useState<'mds-blob' | 'statements'>('mds-blob');
  const ids = { kind: useId(), file: useId() };
  useEffect(() => {
    api.getFidoMetadataStatus({}).then(setMetadata, () => setMetadata(null));
  }, [api]);

  const importFile = (file: File) =>
    status
      .run(
        t('fido.metadata.file'),
        async () => api.importFidoMetadata({ kind, content: await file.text() }),
        (result) => t('fido.metadata.imported', { entries: result.entries }),
      )
      .then((result) => result !== null && setMetadata(result));

  return (
    <section aria-labelledby={`${ids.kind}-title`} data-testid="fido-metadata">
      <h3 id={`${ids.kind}-title`}>{t('fido.metadata.title')}</h3>
      {metadata !== null && (
        <>
          <p>{t('fido.metadata.summary', { entries: metadata.entries, rpId: metadata.rpId })}</p>
          <p>
            {metadata.lastImport === null
              ? t('fido.metadata.never')
              : t('fido.metadata.last', { kind: t(metadata.lastImport.kind === 'mds-blob' ? 'fido.metadata.blob' : 'fido.metadata.statements'), date: dates.day(metadata.lastImport.importedAt) })}
          </p>
          {metadata.stale && <p className="banner banner-warning">{t('fido.metadata.stale')}</p>}
        </>
      )}
      <label htmlFor={ids.kind}>{t('fido.metadata.kind')}</label>{' '}
      <select id={ids.kind} value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
        <option value="mds-blob">{t('fido.metadata.blob')}</option>
        <option value="statements">{t('fido.metadata.statements')}</option>
      </select>{' '}
      <label htmlFor={ids.file}>{t('fido.metadata.file')}</label>{' '}
      <input
        id={ids.file}
        type="file"
        accept={kind === 'mds-blob' ? '.jwt,.txt' : '.json'}
        disabled={status.busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file !== undefined) void importFile(file);
          event.target.value = '';
        }}
      />
    </section>
  );
}
