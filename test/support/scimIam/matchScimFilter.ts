import SCIMMY from 'scimmy';
import { GUICHET_USER_EXTENSION, SCIM_CORE_USER } from '../../../src/shared/scim/guichetUserExtension';

/**
 * Evaluates a SCIM filter (RFC 7644 §3.4.2.2) parsed by scimmy's `Filter` against a User, closing
 * two of scimmy's gaps: attribute paths qualified with a schema URN (the extension) and
 * `caseExact` (userName, emails, names compare case-insensitively; ids, means values exactly).
 */
const caseExactPaths = new Set(['id', 'externalid', `${GUICHET_USER_EXTENSION}:identificationmeans.value`.toLowerCase(), `${GUICHET_USER_EXTENSION}:rpps`.toLowerCase(), `${GUICHET_USER_EXTENSION}:hrid`.toLowerCase()]);

type Expression = Record<string, unknown>;

function compare(op: string, actual: unknown, expected: unknown, caseExact: boolean): boolean {
  if (op === 'pr') return actual !== undefined && actual !== null && actual !== '';
  if (op === 'np') return actual === undefined || actual === null || actual === '';
  if (actual === undefined || actual === null) return false;
  const norm = (value: unknown) => (typeof value === 'string' && !caseExact ? value.toLowerCase() : value);
  const a = norm(actual);
  const b = norm(expected);
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'co':
      return typeof a === 'string' && typeof b === 'string' && a.includes(b);
    case 'sw':
      return typeof a === 'string' && typeof b === 'string' && a.startsWith(b);
    case 'ew':
      return typeof a === 'string' && typeof b === 'string' && a.endsWith(b);
    case 'gt':
      return (a as string | number) > (b as string | number);
    case 'lt':
      return (a as string | number) < (b as string | number);
    case 'ge':
      return (a as string | number) >= (b as string | number);
    case 'le':
      return (a as string | number) <= (b as string | number);
    default:
      throw new Error(`opérateur de filtre inconnu : ${op}`);
  }
}

function readAttribute(resource: Record<string, unknown>, name: string): unknown {
  const lower = name.toLowerCase();
  const key = Object.keys(resource).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : resource[key];
}

/** Splits `urn:…:User:identificationMeans` into the extension object and the attribute name. */
function resolve(resource: Record<string, unknown>, name: string): { holder: Record<string, unknown>; attribute: string; path: string } {
  const lower = name.toLowerCase();
  const extension = GUICHET_USER_EXTENSION.toLowerCase();
  if (lower.startsWith(`${extension}:`)) {
    return { holder: (readAttribute(resource, GUICHET_USER_EXTENSION) as Record<string, unknown> | undefined) ?? {}, attribute: name.slice(extension.length + 1), path: lower };
  }
  if (lower.startsWith(`${SCIM_CORE_USER.toLowerCase()}:`)) return { holder: resource, attribute: name.slice(SCIM_CORE_USER.length + 1), path: lower.slice(SCIM_CORE_USER.length + 1) };
  // An unqualified extension attribute (`identificationMeans.value`) is looked up in the extension too.
  if (readAttribute(resource, name) === undefined) {
    const fromExtension = readAttribute(resource, GUICHET_USER_EXTENSION) as Record<string, unknown> | undefined;
    if (fromExtension !== undefined && readAttribute(fromExtension, name) !== undefined) return { holder: fromExtension, attribute: name, path: `${extension}:${lower}` };
  }
  return { holder: resource, attribute: name, path: lower };
}

function matchExpression(resource: Record<string, unknown>, expression: Expression, prefix = ''): boolean {
  return Object.entries(expression).every(([name, condition]) => {
    const { holder, attribute, path } = prefix === '' ? resolve(resource, name) : { holder: resource, attribute: name, path: `${prefix}.${name.toLowerCase()}` };
    const value = readAttribute(holder, attribute);
    const values = Array.isArray(value) ? value : [value];
    if (Array.isArray(condition)) {
      // scimmy writes `not (a eq b)` as ['not', 'eq', b].
      const negated = condition[0] === 'not';
      const [op, expected] = (negated ? condition.slice(1) : condition) as [string, unknown];
      const matched = op === 'np' && values.length === 0 ? true : values.some((item) => compare(op, item, expected, caseExactPaths.has(path)));
      return negated ? !matched : matched;
    }
    // Sub-attributes: any value of a multi-valued complex attribute may satisfy them all.
    return values.some((item) => item !== null && typeof item === 'object' && matchExpression(item as Record<string, unknown>, condition as Expression, path));
  });
}

/** Parses a filter; throws a SCIM `invalidFilter` error (400) on a malformed one. */
export function parseScimFilter(filter: string): Expression[] {
  const invalid = (message: string) => Object.assign(new Error(`invalidFilter: ${message}`), { status: 400, scimType: 'invalidFilter' });
  let branches: Expression[];
  try {
    branches = [...new SCIMMY.Types.Filter(filter)] as Expression[];
  } catch (error) {
    throw invalid((error as Error).message);
  }
  // scimmy lets a comparison without its value through (`userName eq`): refuse it.
  const check = (expression: Expression): void => {
    for (const condition of Object.values(expression)) {
      if (!Array.isArray(condition)) {
        check(condition as Expression);
        continue;
      }
      const [op, value] = (condition[0] === 'not' ? condition.slice(1) : condition) as [string, unknown];
      if (!['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le', 'pr', 'np'].includes(op)) throw invalid(`opérateur ${op}`);
      if (op !== 'pr' && op !== 'np' && value === undefined) throw invalid(`valeur manquante après ${op}`);
    }
  };
  branches.forEach(check);
  return branches;
}

export function matchScimFilter(resource: Record<string, unknown>, branches: readonly Expression[]): boolean {
  return branches.some((branch) => matchExpression(resource, branch));
}
