import type { MieStatus, MieView } from '../api/enrollment.contract';
import type { ScimIdentificationMeans, ScimMeansStatus, ScimMeansType } from './guichetUserExtension';

/** A replaced or handed-back card no longer opens anything: for the IAM it is revoked. */
const statusToScim: Record<MieStatus, ScimMeansStatus> = {
  active: 'active',
  suspended: 'suspended',
  lost: 'lost',
  stolen: 'stolen',
  replaced: 'revoked',
  returned: 'revoked',
  expired: 'expired',
  revoked: 'revoked',
};

function typeOf(mie: MieView): ScimMeansType {
  if (mie.kind === 'cps') return /\bCPE\b/i.test(mie.cardType ?? '') ? 'cpe' : 'cps';
  if (mie.kind === 'temporary-badge') return 'temporary';
  return mie.kind;
}

/** The value of `identificationMeans` the IAM should hold for this means, as the desk sees it now. */
export function toScimMeans(mie: MieView, { desk, site }: { desk: string; site?: string | undefined }): ScimIdentificationMeans {
  return {
    type: typeOf(mie),
    value: mie.identifier,
    ...(mie.cardType === null && mie.label === null ? {} : { model: mie.cardType ?? mie.label ?? undefined }),
    status: statusToScim[mie.status],
    validFrom: mie.validFrom,
    ...(mie.validUntil === null ? {} : { validUntil: mie.validUntil }),
    boundAt: mie.createdAt,
    boundBy: `${mie.createdBy}@${desk}`,
    ...(site === undefined ? {} : { site }),
  };
}
