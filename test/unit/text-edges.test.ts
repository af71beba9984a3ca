import { checkNoControlCharacters, cleanText, findControlCharacter, isBlank } from '../../shared/pure/text';
import { codeOf } from '../support/errors';

/**
 * Text at the edge (issue 21): what PostgreSQL refuses (a lone surrogate), what reorders what a reader sees (bidi
 * overrides, embeddings, isolates) and names that look filled in while nothing visible is left.
 */
describe('characters refused anywhere in a text', () => {
  it.each([
    ['a lone high surrogate', { note: '\ud800' }, { path: 'note', code: 'U+D800' }],
    [
      'a lone low surrogate after text',
      { input: { title: 'Kế hoạch \udc00' } },
      { path: 'input.title', code: 'U+DC00' },
    ],
    ['two high surrogates', { s: '\ud83d\ud83d\ude00' }, { path: 's', code: 'U+D83D' }],
    ['a high surrogate at the end', { s: 'a\ud83d' }, { path: 's', code: 'U+D83D' }],
    [
      'right-to-left override',
      { input: { people: [{ name: 'a' }, { name: '\u202Eabc' }] } },
      { path: 'input.people.1.name', code: 'U+202E' },
    ],
    ['left-to-right embedding', { s: 'x\u202A' }, { path: 's', code: 'U+202A' }],
    ['first strong isolate', { s: '\u2068x' }, { path: 's', code: 'U+2068' }],
    ['pop directional isolate', { s: 'x\u2069' }, { path: 's', code: 'U+2069' }],
    ['an emoji (a surrogate pair)', { s: 'Hoa 😀' }, null],
    ['a left-to-right mark (invisible, not an override)', { s: 'a\u200Eb' }, null],
    ['Vietnamese in decomposed form', { s: 'Ba To\u0302' }, null],
  ])('%s', (_label, args, found) => {
    expect(findControlCharacter(args, '')).toEqual(found);
    expect(codeOf(() => checkNoControlCharacters(args))).toBe(found ? 'BAD_USER_INPUT' : null);
  });

  it('names the field and the character in Vietnamese first', () => {
    expect(() => checkNoControlCharacters({ input: { note: 'x\ud800' } })).toThrow(
      /^Trường "input\.note" có ký tự không hợp lệ \(U\+D800, /,
    );
    expect(() => checkNoControlCharacters({ title: '\u202E' })).toThrow(
      /^Trường "title" có ký tự đảo chiều văn bản \(U\+202E\)/,
    );
  });
});

describe('names with nothing visible are blank', () => {
  it.each([
    ['only a right-to-left mark', '\u200F', true],
    ['only Hangul fillers', '\u3164\u3164', true],
    ['a Hangul choseong or jungseong filler, a halfwidth filler', '\u115F\u1160\uFFA0', true],
    ['only combining marks', '\u0301\u0303\u0323', true],
    ['combining marks and spaces', ' \u0301 \u0302 ', true],
    ['a word joiner and an invisible times', '\u2060\u2062', true],
    ['a language tag (format character)', '\u{E0001}', true],
    ['ideographic space', '\u3000', true],
    ['a letter with a combining mark', 'a\u0301', false],
    ['a Korean name', '김민수', false],
    ['Đinh Thị Hoa', 'Đinh Thị Hoa', false],
  ])('%s', (_label, text, blank) => expect(isBlank(text)).toBe(blank));

  it('still cleans names without taking their diacritics', () => {
    expect(cleanText('Ba To\u0302')).toBe('Ba To\u0302');
  });
});
