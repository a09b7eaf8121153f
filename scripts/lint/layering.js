// The server's layers (docs/ARCHITECTURE.md, "Layers"): which folders may import which. Each boundary names the files it
// governs, the paths they must not import and the exceptions; imports are resolved against the importing file, so
// `../../app/container.js` from a module and `../app/container.js` from a job are the same target. Type-only imports
// count too: a module that names the Container's type is wired to the whole process.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A small glob: `**` any depth, `*` within one path segment; a pattern ending in `/` is a folder and all below it. */
function globToRegExp(glob) {
  const source = glob
    .split(/(\*\*\/?|\*)/)
    .map((part) =>
      part === '**/'
        ? '(?:.*/)?'
        : part === '**'
          ? '.*'
          : part === '*'
            ? '[^/]*'
            : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}${glob.endsWith('/') ? '.*' : ''}$`);
}

const matcher = (globs = []) => {
  const regexps = globs.map(globToRegExp);
  return (file) => regexps.some((r) => r.test(file));
};

/** The repository-relative path an import names (`.js` written for a `.ts` source), or null for a package. */
function resolveImport(importer, specifier) {
  if (!specifier.startsWith('.')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier));
  return target.replace(/\.js$/, '.ts');
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each layer of the server to the imports its layer allows.' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            files: { type: 'array', items: { type: 'string' } },
            except: { type: 'array', items: { type: 'string' } },
            forbid: { type: 'array', items: { type: 'string' } },
            allow: { type: 'array', items: { type: 'string' } },
            message: { type: 'string' },
          },
          required: ['files', 'forbid', 'message'],
          additionalProperties: false,
        },
      },
    ],
  },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const boundaries = (context.options[0] ?? [])
      .map((b) => ({ ...b, applies: matcher(b.files), exempt: matcher(b.except), forbidden: matcher(b.forbid) }))
      .map((b) => ({ ...b, allowed: matcher(b.allow) }))
      .filter((b) => b.applies(file) && !b.exempt(file));
    if (!boundaries.length) return {};
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      const target = resolveImport(file, specifier);
      if (!target) return;
      for (const b of boundaries)
        if (b.forbidden(target) && !b.allowed(target)) context.report({ node: node.source, message: b.message });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

/** Boundaries between the server's layers. Add one here rather than a second copy of the rule. */
export const serverLayers = [
  {
    // Modules compose themselves (`<module>.module.ts`); app/ composes the modules. A module reaching up into the
    // composition or the process would make it a service locator again.
    files: ['server/src/modules/**'],
    forbid: ['server/src/app/', 'server/src/process/', 'server/src/http/app.ts'],
    message: 'A module never imports app/, process/ or http/app.ts: take what you need in build(deps).',
  },
  {
    // The WeCom integration (client, credentials, callback intake, inbox, the pure API wrappers) knows no domain:
    // domain modules build their services on it and register their inbox handlers with it at composition.
    files: ['server/src/modules/wecom/**'],
    forbid: ['server/src/modules/'],
    allow: ['server/src/modules/wecom/'],
    message: 'The WeCom integration imports no domain module: let the domain module register with it.',
  },
  {
    // The infrastructure under every module knows no domain and no composition.
    files: [
      'server/src/auth/**',
      'server/src/config/**',
      'server/src/crypto/**',
      'server/src/db/**',
      'server/src/errors/**',
      'server/src/files/**',
      'server/src/jobs/**',
      'server/src/logging/**',
      'server/src/net/**',
      'server/src/redis/**',
      'server/src/tenancy/**',
    ],
    forbid: ['server/src/modules/', 'server/src/app/', 'server/src/http/', 'server/src/process/'],
    allow: ['server/src/process/bounded-worker.ts'],
    message: 'Infrastructure imports no module, no composition (app/, process/) and no HTTP wiring.',
  },
];

export const layering = [
  {
    files: ['server/src/**/*.ts'],
    plugins: { xiaoer: { rules: { layers: layersRule } } },
    rules: { 'xiaoer/layers': ['error', serverLayers] },
  },
];
