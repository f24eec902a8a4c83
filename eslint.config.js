// @ts-check
import js from '@eslint/js';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'url', 'util', 'stream', 'worker_threads'];

/** Import boundaries: a folder says where its code runs (see README, "Layers"). Do not relax. */
function forbid(groups, message) {
  return ['error', { patterns: [{ group: groups, message }] }];
}

/** Tests that never land; kept in every block that sets no-restricted-syntax (a later block replaces the rule). */
const testHygiene = [
  { selector: "CallExpression[callee.property.name='only']", message: '.only never lands' },
  { selector: "CallExpression[callee.property.name='skip']", message: 'skipped tests never land' },
];

/** One owner for identities (README, "Identity store"): raw writes to these tables live in src/core/identities only. */
const identityWrite = String.raw`/\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+(identities|identity_links|identity_desk_facts)\b/i`;
const identityWriteMessage = 'Only the identity store (src/core/identities) writes identities, identity_links and identity_desk_facts: call one of its functions.';

/**
 * A transaction says when it takes the store's write lock: \`.immediate()\` to write (a deferred one
 * that reads then writes fails at once while an import or reconciliation job holds the lock),
 * \`.deferred()\` to read a consistent snapshot. Calling \`db.transaction(fn)()\` leaves it unsaid.
 */
const transactionMode = {
  selector: "CallExpression[callee.type='CallExpression'][callee.callee.property.name='transaction']",
  message: 'Say when this transaction takes the write lock: db.transaction(fn).immediate() to write, .deferred() to read.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...testHygiene],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'scripts/**/*.ts'],
    // Test fixtures build stores by hand, as the tests beside them do.
    ignores: ['src/core/identities/**', 'src/core/store/migrations/**', '**/*.test.ts', '**/*.test.tsx', '**/build*Fixture.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...testHygiene,
        transactionMode,
        { selector: `Literal[value=${identityWrite}]`, message: identityWriteMessage },
        { selector: `TemplateElement[value.raw=${identityWrite}]`, message: identityWriteMessage },
      ],
    },
  },
  {
    files: ['src/core/identities/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...testHygiene, transactionMode] },
  },
  {
    // Every package the code imports is declared in package.json: nothing rides on a transitive
    // install (a bundled, undeclared native binding once looked for its .node file in the wrong folder).
    plugins: { 'import-x': importX },
    // Dev dependencies are not packaged: only tests, tooling and the Electron shell (whose
    // `electron` import is the runtime itself) may use them.
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        {
          devDependencies: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'scripts/**', 'native/**', '*.config.{js,ts,mjs}', 'src/main/**', 'src/preload/**'],
          optionalDependencies: true,
          peerDependencies: false,
          includeTypes: true,
        },
      ],
    },
  },
  {
    // The recording electron stub is CommonJS, like the preload bundles it stands in for.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', ...nodeBuiltins, 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'react', 'react-dom', '**/core/**', '**/main/**', '**/preload/**', '**/renderer/**', '../**/server/*', './server/*', '**/cli/**'],
        'src/shared is pure code with no runtime: no Node, Electron, DOM or other layer.',
      ),
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', 'react', 'react-dom', '**/main/**', '**/preload/**', '**/renderer/**', '../**/server/*', './server/*', '**/cli/**'],
        'src/core is plain Node: it may use src/shared only; hardware and clock come in through interfaces.',
      ),
    },
  },
  {
    files: ['src/server/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', 'react', 'react-dom', '**/main/**', '**/preload/**', '**/renderer/**'],
        'Browser mode and the CLI run on plain Node: they use src/core and src/shared, never Electron.',
      ),
    },
  },
  {
    files: ['src/main/**'],
    rules: {
      'no-restricted-imports': forbid(['react', 'react-dom', '**/renderer/**', '**/preload/**', '../**/server/*', './server/*', '**/cli/**'], 'src/main wires the core into Electron; no UI code.'),
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': forbid(
        [...nodeBuiltins, 'better-sqlite3', 'better-sqlite3-multiple-ciphers', '**/core/**', '**/main/**', '**/renderer/**', '../**/server/*', './server/*', '**/cli/**'],
        'The sandboxed preload exposes contract functions only: electron + src/shared.',
      ),
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': forbid(
        ['electron', ...nodeBuiltins, 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'ws', 'nfc-pcsc', '@pokusew/pcsclite', '**/core/**', '**/main/**', '**/preload/**', '../**/server/*', './server/*', '**/cli/**'],
        'The renderer reaches the desk only through its client module (src/renderer/src/desk).',
      ),
    },
  },
);
