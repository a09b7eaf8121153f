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
export const notYetBehindRepositories = [
  'server/src/app/container.ts',
  'server/src/modules/ai/ai.container.ts',
  'server/src/modules/wecom/wecom.container.ts',
];

export const persistenceBoundary = [
  {
    files: ['server/src/**/*.ts'],
    ignores: [
      'server/src/**/*.model.ts',
      'server/src/**/*.repository.ts',
      'server/src/db/**',
      'server/src/tenancy/**', // the tenant id primitive (an ObjectId from a session's string)
      'server/src/jobs/job-runtime.ts', // Agenda runs on the process's connection
      ...notYetBehindRepositories,
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', valueImports],
      'no-restricted-syntax': ['error', ...modelTypes],
    },
  },
];
