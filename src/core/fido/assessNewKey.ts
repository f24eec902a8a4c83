import type Database from 'better-sqlite3';
import { convertCertBufferToPEM, validateCertificatePath } from './webauthnHelpers';
import type { AttestationResult, FidoWarning } from '../../shared/api/fido.contract';
import { DeskError } from '../../shared/api/errors';
import { classifyKeyStatus } from '../../shared/fido/classifyKeyStatus';
import type { FidoSettings } from './FidoSettings';
import { lookUpKeyModel } from './lookUpKeyModel';

export interface NewKeyEvidence {
  aaguid: string;
  attestationFormat: string;
  /** The attestation certificate chain (DER), leaf first; absent for self and none attestation. */
  x5c: Uint8Array[] | undefined;
}

export interface KeyAssessment {
  model: string | null;
  certification: string | null;
  attestation: AttestationResult;
  warnings: FidoWarning[];
}

/**
 * Applies the desk's key policy from the offline metadata (Guichet checks statuses itself, since
 * locally loaded statements are not enforced by the WebAuthn library):
 * refuses revoked or compromised models, and an attestation that claims a known model but does
 * not chain to that model's roots; warns on unknown models; with an allow-list, accepts only
 * listed AAGUIDs whose attestation was verified.
 */
export async function assessNewKey(db: Database.Database, settings: Pick<FidoSettings, 'allowedAaguids'>, evidence: NewKeyEvidence): Promise<KeyAssessment> {
  const aaguid = evidence.aaguid.toLowerCase();
  const model = lookUpKeyModel(db, aaguid);
  const warnings: FidoWarning[] = [];
  if (model !== null && classifyKeyStatus(model.status) === 'refused') {
    throw new DeskError(
      'PRECONDITION_FAILED',
      {
        fr: `Modèle de clé refusé : « ${model.description} » est déclaré ${model.status} par les métadonnées FIDO.`,
        en: `Key model refused: "${model.description}" is reported ${model.status} by the FIDO metadata.`,
      },
      { rule: 'key-model-refused', aaguid, status: model.status },
    );
  }
  let attestation: AttestationResult;
  if (evidence.attestationFormat === 'none') attestation = 'none';
  else if (evidence.x5c === undefined || evidence.x5c.length === 0) attestation = 'self';
  else if (model === null || model.rootCertificates.length === 0) attestation = 'unverified';
  else {
    const roots = model.rootCertificates.map((certificate) => convertCertBufferToPEM(certificate));
    try {
      await validateCertificatePath(evidence.x5c.map((certificate) => convertCertBufferToPEM(new Uint8Array(certificate))), roots);
      attestation = 'trusted';
    } catch (error) {
      throw new DeskError(
        'PRECONDITION_FAILED',
        {
          fr: `Cette clé se présente comme « ${model.description} » mais son attestation ne remonte pas aux racines de ce modèle : clé refusée.`,
          en: `This key claims to be "${model.description}" but its attestation does not chain to that model's roots: key refused.`,
        },
        { rule: 'attestation-untrusted', aaguid, cause: (error as Error).message },
      );
    }
  }
  if (settings.allowedAaguids !== null && !(settings.allowedAaguids.includes(aaguid) && attestation === 'trusted')) {
    throw new DeskError(
      'PRECONDITION_FAILED',
      {
        fr: settings.allowedAaguids.includes(aaguid)
          ? `Ce modèle est autorisé, mais son attestation n’a pas pu être vérifiée (${attestation}) : la liste des modèles autorisés exige une attestation vérifiée.`
          : `Ce modèle de clé (${model?.description ?? aaguid}) ne figure pas dans la liste des modèles autorisés.`,
        en: settings.allowedAaguids.includes(aaguid)
          ? `This model is allowed, but its attestation could not be verified (${attestation}): the allow-list needs a verified attestation.`
          : `This key model (${model?.description ?? aaguid}) is not on the allow-list.`,
      },
      { rule: 'aaguid-not-allowed', aaguid, attestation },
    );
  }
  if (model === null) {
    warnings.push({
      code: 'unknown-model',
      message: {
        fr: `Modèle inconnu des métadonnées FIDO (AAGUID ${aaguid}) : vérifiez que la clé est bien un modèle fourni par l’établissement.`,
        en: `Model unknown to the FIDO metadata (AAGUID ${aaguid}): check the key is a model the hospital supplies.`,
      },
    });
  } else if (attestation === 'unverified') {
    warnings.push({
      code: 'attestation-unverified',
      message: { fr: 'Attestation non vérifiée : les métadonnées ne donnent pas de certificat racine pour ce modèle.', en: 'Attestation not verified: the metadata gives no root certificate for this model.' },
    });
  }
  return { model: model?.description ?? null, certification: model?.status ?? null, attestation, warnings };
}
