/**
 * graphql-js refuses a value of the wrong type (a variable or a literal) in English only, before any rule of ours
 * runs: "Variable "$input" got invalid value 1.5 at "input.groups[0].registered"; Int cannot represent non-integer
 * value: 1.5". `vietnameseFirst` puts a Vietnamese sentence a clerk can act on in front of it, keeping the English
 * after it in brackets like every other refusal (`bilingual`). Messages it does not know are returned unchanged.
 */
import { bilingual } from './pure/errors';
import { hasVietnamese } from './pure/text';

type Reason = [RegExp, (m: RegExpExecArray) => string];

/** Why a value was refused (the part after "; " of a variable error, or of a literal's). */
const REASONS: Reason[] = [
  [/cannot represent non 32-bit signed integer value/, () => 'phải là số nguyên không quá 2.147.483.647'],
  [/^Int cannot represent/, () => 'phải là số nguyên'],
  [/^Float cannot represent/, () => 'phải là một số'],
  [/^String cannot represent/, () => 'phải là chữ (chuỗi ký tự)'],
  [/^Boolean cannot represent/, () => 'phải là true hoặc false'],
  [/^ID cannot represent/, () => 'phải là một mã (chuỗi ký tự)'],
  [/^Value "?(.*?)"? does not exist in "(\w+)" enum/, (m) => `"${m[1]}" không phải là giá trị được phép của ${m[2]}`],
  [
    /^Enum "(\w+)" cannot represent non-(?:enum|string) value: (.*?)\./,
    (m) => `${m[2]} không phải là giá trị của ${m[1]}`,
  ],
  [/^Field "(\w+)" of required type "(.+?)" was not provided/, (m) => `thiếu trường bắt buộc "${m[1]}" (${m[2]})`],
  [/^Field "(\w+)" is not defined by type "(\w+)"/, (m) => `không có trường "${m[1]}" trong ${m[2]}`],
  [/^Expected type "(.+?)" to be an object/, (m) => `phải là một đối tượng ${m[1]}`],
  [/^Expected value of type "(.+?)", found null/, (m) => `không được để trống (kiểu ${m[1]})`],
];

function reasonInVietnamese(reason: string): string {
  // Our own scalars already explain in Vietnamese (e.g. the Date scalar): keep their sentence.
  if (hasVietnamese(reason)) return reason.replace(/\s*\([^()]*\)\s*$/, '');
  for (const [pattern, say] of REASONS) {
    const m = pattern.exec(reason);
    if (m) return say(m);
  }
  return 'không đúng kiểu dữ liệu';
}

/** The message of a type error with a Vietnamese sentence first; any other message unchanged. */
export function vietnameseFirst(message: string): string {
  if (hasVietnamese(message.split('; ')[0])) return message;
  let m = /^Variable "\$(\w+)" got invalid value (.*?)(?: at "([^"]+)")?; (.*)$/s.exec(message);
  if (m) return bilingual(`Giá trị ${m[2]} của "${m[3] ?? m[1]}" không hợp lệ: ${reasonInVietnamese(m[4])}`, message);
  m = /^Variable "\$(\w+)" of required type "(.+?)" was not provided/.exec(message);
  if (m) return bilingual(`Thiếu giá trị bắt buộc "${m[1]}" (${m[2]})`, message);
  m = /^Variable "\$(\w+)" of non-null type "(.+?)" must not be null/.exec(message);
  if (m) return bilingual(`"${m[1]}" không được để trống (${m[2]})`, message);
  m = /^Expected value of type "(.+?)", found (.*?)(?:; (.*))?$/s.exec(message);
  if (m)
    return bilingual(`Giá trị ${m[2]} không hợp lệ: ${m[3] ? reasonInVietnamese(m[3]) : `cần kiểu ${m[1]}`}`, message);
  m = /^Field "(\w+)" argument "(\w+)" of type "(.+?)" is required, but it was not provided/.exec(message);
  if (m) return bilingual(`Thiếu tham số bắt buộc "${m[2]}" của "${m[1]}" (${m[3]})`, message);
  // A literal in the query text: graphql-js gives the scalar's or the enum's own sentence.
  for (const [pattern, say] of REASONS) {
    const found = pattern.exec(message);
    if (found) return bilingual(`Giá trị không hợp lệ: ${say(found)}`, message);
  }
  return message;
}
