// Lints code as if it stood at given paths, with the project's eslint.config.mjs, through ESLint's Node API, twice:
// as configured ("on") and with the boundary rules off ("off"), so that test/unit/boundaries.test.ts can show each case
// needs those rules. Run as a child process (jest's module system cannot load the ES-module config).
// stdin: JSON [{ code, at }]; stdout: JSON, for each, { on, off }: the messages ({ ruleId, line, message }).
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { BOUNDARY_RULES } from '../../eslint.config.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The boundaries need no types; without them the cases lint in milliseconds and need not exist on disk.
const untyped = { ...tseslint.configs.disableTypeChecked, files: ['**/*.{ts,tsx}'] };
const on = new ESLint({ cwd: root, overrideConfig: [untyped] });
const off = new ESLint({
  cwd: root,
  overrideConfig: [untyped, { rules: Object.fromEntries(BOUNDARY_RULES.map((rule) => [rule, 'off'])) }],
});

let input = '';
for await (const chunk of process.stdin) input += chunk;
const messagesOf = async (eslint, code, at) => {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, at) });
  return result.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message }));
};
const out = [];
for (const { code, at } of JSON.parse(input)) {
  out.push({ on: await messagesOf(on, code, at), off: await messagesOf(off, code, at) });
}
process.stdout.write(JSON.stringify(out));
