import type { Connection } from 'mongoose';

/**
 * The process's MongoDB handle, as composition roots and repositories see it. Only composition (app/, a module's
 * `<module>.module.ts`) and the repositories' openers (`*.repository.ts`, `<module>.repositories.ts`) may name it:
 * a service handed the database could query around its repositories (scripts/lint/persistence-boundary.js).
 */
export type Database = Connection;
