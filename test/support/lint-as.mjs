// Lints code as if it stood at given paths, with the project's eslint.config.mjs, through ESLint's Node API. Run as
// a child process by test/boundaries.test.ts (jest's module system cannot load the ES-module config). stdin: JSON
// [{ code, at }]; stdout: JSON, for each, the no-restricted-imports messages.
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: root });
let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const { code, at } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, at) });
  out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
