/** Luhn sum over digits, doubling every second digit from the right (the check digit is not doubled). */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }
  return sum;
}

/** True for an 11-digit RPPS number whose last digit is a valid Luhn key. */
export function isValidRpps(value: string): boolean {
  return /^\d{11}$/.test(value) && luhnSum(value) % 10 === 0;
}

/**
 * The RPPS number an export gives, in either form the program uses: the 11-digit number or the
 * 12-character national identifier `8` + RPPS (the CPS card's idNat), spaces aside. Null when
 * neither form is valid (a wrong key, an ADELI number).
 */
export function readRpps(value: string): string | null {
  const compact = value.replace(/\s+/g, '');
  if (isValidRpps(compact)) return compact;
  if (/^8\d{11}$/.test(compact) && isValidRpps(compact.slice(1))) return compact.slice(1);
  return null;
}

/** Appends the Luhn key to the 10 significant digits of an RPPS number. */
export function appendRppsCheckDigit(significantDigits: string): string {
  if (!/^\d{10}$/.test(significantDigits)) {
    throw new Error(`Expected the 10 significant digits of an RPPS number, got "${significantDigits}"`);
  }
  const sum = luhnSum(`${significantDigits}0`);
  return `${significantDigits}${(10 - (sum % 10)) % 10}`;
}
