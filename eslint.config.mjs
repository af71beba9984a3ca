// ESLint keeps the code's boundaries (which part may import which, from architecture.json) and catches common
// mistakes, with typescript-eslint's type-checked rules.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';

/** @type {{ parts: Array<{ name: string, folders: string[], mayImport: string[] | '*', packages?: string[], why: string }> }} */
const { parts } = JSON.parse(readFileSync(new URL('./architecture.json', import.meta.url), 'utf8'));

const SOURCES = '{ts,tsx,mts,cts}';
const isFile = (folder) => /\.[a-z]+$/.test(folder);
const sourcesOf = (folder) => (isFile(folder) ? folder : `${folder}/**/*.${SOURCES}`);
const inside = (path, folder) => path.startsWith(`${folder}/`);
/** The folders of the other parts that lie inside `folder` (gateway/web in gateway/): they are those parts' own. */
const nestedIn = (folder) => parts.flatMap((p) => p.folders.filter((f) => inside(f, folder)));
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * import-x/no-restricted-paths zones for `part`: one per folder of every part it may not import. The rule resolves
 * each import (static, `export … from`, type-only, `import()`, `require`, `import x = require`) to its file with the
 * TypeScript resolver, so the way the path is written does not matter.
 */
function zones(part) {
  if (part.mayImport === '*') return [];
  const allowed = new Set([part.name, ...part.mayImport]);
  return parts
    .filter((other) => !allowed.has(other.name))
    .flatMap((other) =>
      other.folders.map((from) => ({
        target: part.folders,
        from,
        // Nested parts answer for themselves (allowed, or forbidden by their own zone).
        except: nestedIn(from).map((f) => f.slice(from.length + 1)),
        message: `${part.name} may not import ${other.name}. ${part.why} (architecture.json)`,
      })),
    );
}

/** no-restricted-syntax entries: every way of naming a module whose specifier matches `regex`. */
function naming(regex, message) {
  const value = `[value=/${regex}/]`;
  return [
    `ImportDeclaration > Literal.source${value}`,
    `ExportNamedDeclaration > Literal.source${value}`,
    `ExportAllDeclaration > Literal.source${value}`,
    `ImportExpression > Literal.source${value}`,
    `CallExpression[callee.name="require"] > Literal.arguments${value}`,
    `TSExternalModuleReference > Literal${value}`,
    `TSImportType > Literal.source${value}`,
  ].map((selector) => ({ selector, message }));
}

function boundaryRules(part) {
  if (part.mayImport === '*') return {};
  const syntax = [
    // A type named by `import('./x').T` escapes the resolver's rules: name it with `import type` instead.
    {
      selector: 'TSImportType > Literal.source[value=/^\\./]',
      message: 'Import the type with `import type { … } from` so that the boundary rule sees it.',
    },
  ];
  if (part.packages) {
    // A bare specifier (package or Node built-in, `node:` or not) outside the part's list. `\u002F` is `/`, which
    // esquery's regex literal cannot hold.
    const listed = part.packages.map((p) => `${escape(p)}(\\u002F|$)`).join('|');
    syntax.push(
      ...naming(
        `^(?![.\\u002F]${listed ? `|${listed}` : ''})`,
        `${part.name} imports no package but ${part.packages.join(', ') || 'none'}. ${part.why} (architecture.json)`,
      ),
    );
  }
  return {
    'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: zones(part) }],
    // A computed `import(name)` or `require(name)` cannot be resolved, so it cannot be checked.
    'import-x/no-dynamic-require': ['error', { esmodule: true }],
    'no-restricted-syntax': ['error', ...syntax],
  };
}

/** One config object per part: its files (less the nested parts') and its boundary rules. */
export const boundaries = parts.map((part) => ({
  name: `boundaries: ${part.name}`,
  files: part.folders.map(sourcesOf),
  ignores: part.folders.flatMap(nestedIn).map(sourcesOf),
  rules: boundaryRules(part),
}));

/** The rules that keep the boundaries (test/unit/boundaries.test.ts turns them off to prove each case needs them). */
export const BOUNDARY_RULES = ['import-x/no-restricted-paths', 'import-x/no-dynamic-require', 'no-restricted-syntax'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'data/', 'schema/', 'docs/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    plugins: { 'import-x': importX },
    languageOptions: {
      parserOptions: {
        // Each file is checked with its own tsconfig (gateway/web has one); Vite's config is in neither.
        projectService: { allowDefaultProject: ['gateway/web/vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'gateway/web/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `async` is how a function meets a promise-returning interface (Apollo's plugin hooks, `stop`, test fakes):
      // one without `await` is no bug, and floating or misused promises have rules of their own.
      '@typescript-eslint/require-await': 'off',
      // The boundary rule skips an import it cannot resolve: every import must resolve.
      // Vite's virtual modules (vite-plugin-pwa's registration) exist only inside the build.
      'import-x/no-unresolved': ['error', { commonjs: true, ignore: ['^virtual:'] }],
    },
  },
  ...boundaries,
);
