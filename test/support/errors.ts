import { DomainError } from '../../shared/pure/errors';

/** The code a rule refuses with (BAD_USER_INPUT…), 'OTHER' for any other throw, null when it accepts. */
export function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'OTHER';
  }
}
