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
