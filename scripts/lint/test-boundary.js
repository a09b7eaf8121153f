// Server tests go through the repositories and services the product uses (issue 14): a test that reads or writes a
// raw collection, or builds a model, can pass while the product's own path (its tenancy, its hooks, its validation)
// is broken, and keeps working when that path changes under it. Type-only imports of document shapes are fine.
//
// The few tests that must put the database into a state no product path produces — a worker that died half-way, a
// lane a crash left without a head, another process's write racing this one — say so on the line:
// `// eslint-disable-next-line test-boundary/no-raw-collections -- <why>` (grep for it to see them all). Keep those
// few; everything else reads and seeds through a repository (add a small, named read to it if it lacks one).

const noRawCollections = {
  meta: {
    type: 'problem',
    docs: { description: 'Tests reach the database through repositories and services, never raw collections.' },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed) return;
        if (callee.property.type === 'Identifier' && callee.property.name === 'collection')
          context.report({
            node: callee.property,
            message:
              'Tests use the repository or service the product uses, not a raw collection (only a test simulating ' +
              'a crash or a race the product cannot produce may, with an eslint-disable comment saying why).',
          });
      },
    };
  },
};

export const testBoundary = [
  {
    files: ['server/test/**/*.ts', 'server/src/**/*.test.ts'],
    plugins: { 'test-boundary': { rules: { 'no-raw-collections': noRawCollections } } },
    rules: { 'test-boundary/no-raw-collections': 'error' },
  },
  {
    // (tests under server/src already fall under the persistence boundary's import rule)
    files: ['server/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/*.model.js', '**/*.model'],
              allowTypeImports: true,
              message: 'Tests seed and read through the repository, not the model (type-only imports are fine).',
            },
          ],
        },
      ],
    },
  },
];
