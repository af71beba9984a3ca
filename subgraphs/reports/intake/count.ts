import { BadInputError, bilingual, viNumber } from '../../../shared/pure/errors';

/** A count a clerk entered: a whole number, not negative, not implausibly large; `what` names it for the clerk. */
export function count(value: number, what: string, field: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new BadInputError(
      bilingual(`${what} phải là số nguyên không âm (đang nhập ${value})`, `${field} must be a whole number ≥ 0`),
      field,
    );
  }
  if (value > 10_000_000)
    throw new BadInputError(
      bilingual(`${what} (${viNumber(value)}) quá lớn; hãy kiểm tra lại`, `${field} is implausibly large`),
      field,
    );
}
