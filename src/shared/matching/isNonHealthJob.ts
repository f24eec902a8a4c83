import { mapProfessionCode } from './mapProfessionCode';
import { foldName } from './normalizeName';

/** Administrative, technical and logistic grades of a hospital's HR export, folded: none is a registered health profession. */
const nonHealthJobPattern =
  /\b(ADJOINT ADMINISTRATIF|ADJOINTE ADMINISTRATIVE|ADMINISTRATIF|ADMINISTRATIVE|ATTACHE D ADMINISTRATION|SECRETAIRE|ASSISTANT E? MEDICO ADMINISTRATI|ASSISTANTE? MEDICO ADMINISTRATI|AGENT DES SERVICES HOSPITALIERS|AGENT D ENTRETIEN|AGENT DE SECURITE|ASH\b|OUVRIER|BRANCARDIER|STANDARDISTE|CUISINIER|LINGER|MAGASINIER|CHAUFFEUR|INGENIEUR|INFORMATICIEN|TECHNICIEN SUPERIEUR HOSPITALIER|COMPTABLE|GESTIONNAIRE|ARCHIVISTE|ACHETEUR|JURISTE)/;

/**
 * Whether an HR grade says the person holds no registered health profession (an assistante
 * médico-administrative, an engineer, an ASH): the label maps to no TRE_G15 code and names an
 * administrative, technical or logistic job. An unknown label is not enough: HR spells doctors'
 * grades in many ways this list does not know.
 */
export function isNonHealthJob(label: string | null | undefined): boolean {
  if (label === null || label === undefined || label.trim() === '' || mapProfessionCode(label) !== null) return false;
  return nonHealthJobPattern.test(foldName(label));
}
