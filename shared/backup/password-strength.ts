/**
 * How hard a backup password is to guess, for the hint beside the field. Length counts most: the
 * key derivation slows each guess, but a short or common password falls to a list of guesses.
 */
export const MIN_PASSWORD_LENGTH = 8;

export interface PasswordStrength {
  /** 0 too short to use, 1 weak, 2 fair, 3 strong. */
  level: 0 | 1 | 2 | 3;
  label: '太短' | '弱' | '中' | '强';
  hint: string;
}

const COMMON = /^(?:password|passw0rd|qwerty|abc|admin|iloveyou|woaini|gonghui|union)/i;

export function passwordStrength(password: string): PasswordStrength {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return { level: 0, label: '太短', hint: `至少 ${MIN_PASSWORD_LENGTH} 位` };
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const monotone = new Set(password).size <= 2 || /^(?:0123456789|123456789|12345678|87654321)/.test(password);
  if (monotone || COMMON.test(password) || (length < 12 && kinds <= 2)) {
    return { level: 1, label: '弱', hint: '容易被猜到：请加长，并混用字母、数字和符号' };
  }
  if (length >= 16 || (length >= 12 && kinds >= 3)) return { level: 3, label: '强', hint: '足够安全' };
  return { level: 2, label: '中', hint: '可以再长一些，例如用一句好记的话夹杂数字和符号' };
}
