import { BadInputError, bilingual } from './errors';

/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, single spaces.
 * "Ba Tô" and "Ba Tơ" both fold to "ba to", so a search typed without accents finds both.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Control characters no clerk types: C0 except tab, line feed and carriage return (notes have lines), DEL and C1.
 * PostgreSQL refuses NUL outright, so letting one through ends as an internal error instead of a clear refusal.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Invisible characters that make a text look filled in while it is not: zero-width spaces and joiners, BOM, soft hyphen. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;

/** The first text in a value (an argument, an input object, a list) holding a control character, with its path. */
export function findControlCharacter(value: unknown, path: string): { path: string; code: string } | null {
  if (typeof value === 'string') {
    const m = CONTROL.exec(value);
    return m ? { path, code: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findControlCharacter(v, `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findControlCharacter(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses any argument holding a control character (BAD_USER_INPUT naming the field and the character). */
export function checkNoControlCharacters(args: Record<string, unknown>): void {
  const found = findControlCharacter(args, '');
  if (found) {
    throw new BadInputError(
      bilingual(
        `Trường "${found.path}" có ký tự điều khiển không hợp lệ (${found.code}); hãy xoá ký tự đó rồi nhập lại`,
        `${found.path} contains a control character ${found.code}`,
      ),
      found.path,
    );
  }
}

/** True when nothing visible is left once spaces and invisible characters (zero-width space, BOM…) are removed. */
export function isBlank(text: string | null | undefined): boolean {
  return (text ?? '').replace(INVISIBLE, '').trim() === '';
}

/** The text without surrounding spaces and invisible characters, and with runs of spaces made one. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
