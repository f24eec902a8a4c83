import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptFile } from '../../../../shared/api/enrollment.contract';

/** Shows the PDF receipt in the page and offers to save it. */
export function ReceiptViewer({ receipt, onClose }: { receipt: ReceiptFile; onClose: () => void }) {
  const { t } = useTranslation();
  const url = useMemo(() => {
    const bytes = Uint8Array.from(atob(receipt.pdfBase64), (char) => char.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  }, [receipt]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <section className="receipt" aria-labelledby="receipt-heading" data-testid="receipt">
      <h3 id="receipt-heading">{t('enrollment.receipt.title')}</h3>
      <p>
        <a className="button-link" href={url} download={receipt.fileName}>
          {t('enrollment.receipt.save')}
        </a>{' '}
        <button type="button" onClick={onClose}>
          {t('enrollment.receipt.close')}
        </button>
      </p>
      <iframe title={t('enrollment.receipt.title')} src={url} className="receipt-frame" />
    </section>
  );
}
