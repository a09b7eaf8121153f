// The persistence boundary: only models (`*.model.ts`) and repositories (`*.repository.ts`) touch mongoose values
// and models; everything else receives repositories. Type-only imports of document shapes are fine (a service may
// name `Types.ObjectId` or a `Draft`), but not of a Model or a Connection: a service handed one can query around its
// repository. Infrastructure that owns the connection itself (db/, the job runtime) is exempt by path.
const valueImports = {
  paths: [
    {
      name: 'mongoose',
      allowTypeImports: true,
      message: 'Only *.model.ts and *.repository.ts use mongoose values; take a repository instead.',
    },
  ],
  patterns: [
    {
      group: ['**/*.model.js', '**/*.model'],
      allowTypeImports: true,
      message: 'Import the repository, not the model.',
    },
  ],
};
const modelTypes = [
  {
    selector: 'ImportDeclaration[source.value=/\\.model(\\.js)?$/] > ImportSpecifier[imported.name=/Model$/]',
    message: 'Services receive repositories, never models.',
  },
  {
    selector: "ImportDeclaration[source.value='mongoose'] > ImportSpecifier[imported.name=/^(Model|Connection)$/]",
    message: 'Services receive repositories, never models or connections.',
  },
];

/** Files still being moved behind repositories (issue 14). This list only shrinks. */
export const notYetBehindRepositories = [];

/** The database handle (db/database.ts): repositories are opened from it by composition roots and openers only. */
const databaseHandle = {
  group: ['**/db/database.js', '**/db/database'],
  message: 'Only composition (app/, <module>.module.ts) opens repositories from the Database; take repositories.',
};
/** Composition roots: they open repositories from the Database (through the modules' openers) and wire services. */
const compositionRoots = ['server/src/app/**', 'server/src/**/*.module.ts'];

export const persistenceBoundary = [
  {
    files: ['server/src/**/*.ts'],
    ignores: [
      'server/src/**/*.model.ts',
      'server/src/**/*.repository.ts',
      'server/src/**/*.repositories.ts', // a module's openers: its repositories on the Database
      'server/src/db/**',
      'server/src/tenancy/**', // the tenant id primitive (an ObjectId from a session's string)
      'server/src/jobs/job-runtime.ts', // Agenda runs on the process's connection
      ...notYetBehindRepositories,
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { ...valueImports, patterns: [...valueImports.patterns, databaseHandle] },
      ],
      'no-restricted-syntax': ['error', ...modelTypes],
    },
  },
  {
    // the same rule for composition roots, which may name the Database (a later block's options replace the above)
    files: compositionRoots,
    ignores: notYetBehindRepositories,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', valueImports] },
  },
];
