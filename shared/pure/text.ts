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

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

/** Whether a text holds a letter only Vietnamese writes (ă, ơ, đ, ạ…): "Không tìm thấy" does, "not found" not. */
export function hasVietnamese(text: string): boolean {
  return VIETNAMESE.test(text);
}

/**
 * Control characters no clerk types: C0 except tab, line feed and carriage return (notes have lines), DEL and C1.
 * PostgreSQL refuses NUL outright, so letting one through ends as an internal error instead of a clear refusal.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Half of a surrogate pair without the other half: JSON can carry one ("\ud800") but it is no character at all, and
 * PostgreSQL refuses it (invalid byte sequence for UTF8), which ended as an internal error with the SQL in the log.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Bidi embeddings, overrides (U+202A–202E) and isolates (U+2066–2069): they reorder what a reader sees ("Trojan
 * Source"), so a name or a figure shown in a list could read differently from what is stored. No Vietnamese text needs
 * them; the marks U+200E/U+200F, which only hint a direction, are merely invisible and stripped by cleanText.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Invisible characters that make a text look filled in while it is not: zero-width spaces and joiners, BOM, soft hyphen. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;

/**
 * What blankness ignores besides those: every format character (\p{Cf}: marks, joiners, tags), the Hangul fillers
 * that render as nothing (U+115F, U+1160, U+3164, U+FFA0), combining marks with no letter to sit on (\p{M}) and any
 * white space. A name made only of these displays as nothing, or as a stray accent.
 */
const NOTHING_VISIBLE = /[\p{Cf}\p{M}\p{White_Space}\u115F\u1160\u3164\uFFA0]/gu;

const codePoint = (unit: string): string => `U+${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of a text that no input may hold (control, lone surrogate, bidi control), as U+XXXX. */
function refusedCharacter(text: string): string | null {
  const m = CONTROL.exec(text) ?? LONE_SURROGATE.exec(text) ?? BIDI_CONTROL.exec(text);
  return m ? codePoint(m[0]) : null;
}

/**
 * The first text in a value (an argument, an input object, a list) holding a character no input may hold — a control
 * character, a lone surrogate or a bidi control — with its path.
 */
export function findControlCharacter(value: unknown, path: string): { path: string; code: string } | null {
  if (typeof value === 'string') {
    const code = refusedCharacter(value);
    return code ? { path, code } : null;
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

/** What the refused character is, in words a clerk can act on. */
function kindOf(code: string): { vi: string; en: string } {
  const n = parseInt(code.slice(2), 16);
  if (n >= 0xd800 && n <= 0xdfff)
    return { vi: `ký tự không hợp lệ (${code}, nửa ký tự bị cắt khi sao chép)`, en: `a lone surrogate ${code}` };
  if ((n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069))
    return { vi: `ký tự đảo chiều văn bản (${code})`, en: `a bidirectional control character ${code}` };
  return { vi: `ký tự điều khiển không hợp lệ (${code})`, en: `a control character ${code}` };
}

/**
 * Refuses any argument holding a control character, a lone surrogate or a bidi control (BAD_USER_INPUT naming the
 * field and the character).
 */
export function checkNoControlCharacters(args: Record<string, unknown>): void {
  const found = findControlCharacter(args, '');
  if (found) {
    const kind = kindOf(found.code);
    throw new BadInputError(
      bilingual(
        `Trường "${found.path}" có ${kind.vi}; hãy xoá ký tự đó rồi nhập lại`,
        `${found.path} contains ${kind.en}`,
      ),
      found.path,
    );
  }
}

/**
 * True when nothing visible is left once spaces, invisible and format characters, Hangul fillers and lone combining
 * marks are removed (a name of only U+3164 or of only accents is blank).
 */
export function isBlank(text: string | null | undefined): boolean {
  return (text ?? '').replace(NOTHING_VISIBLE, '') === '';
}

/** The text without surrounding spaces and invisible characters, and with runs of spaces made one. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
