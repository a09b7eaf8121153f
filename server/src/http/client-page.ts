// Serves a built client (the sidebar at /sidebar/, the owner console's H5 build at /console/): hashed assets cached
// for a year, index.html never cached (a deploy is visible at the next open), any other path under the prefix answered
// with index.html. Each page gets its own CSP: only this origin — plus the WeCom stand-in's when one is configured,
// whose JS bridges the demo loads — and the page's own inline scripts by their hashes, nothing else inline.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { send } from '@koa/send';
import type { Middleware } from 'koa';

const YEAR_MS = 365 * 24 * 3600_000;

export interface ClientPage {
  /** "/sidebar" */
  prefix: string;
  distDir: string;
  /** folders of content-hashed files, cached for a year */
  hashedDirs: string[];
  /** what to say before the client is built */
  notBuilt: string;
}

/** 'sha256-…' for each inline <script> of the page (the console's build puts a small sizing script inline). */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .filter((m) => m[1]!.trim())
    .map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
}

export function clientPage(page: ClientPage, extraOrigins: string[]): Middleware {
  const allowed = ["'self'", ...extraOrigins].join(' ');
  const cspFor = (scriptHashes: string[]) =>
    [
      "default-src 'self'",
      `script-src ${[allowed, ...scriptHashes].join(' ')}`,
      `connect-src ${allowed}`,
      "img-src 'self' data: blob: https: http:", // avatars come from WeCom's image hosts
      "style-src 'self' 'unsafe-inline'",
      "font-src 'self' data:", // Taro's H5 components embed their icon font
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
  let cached: { mtimeMs: number; csp: string } | undefined;
  const indexCsp = () => {
    const file = `${page.distDir}/index.html`;
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, csp: cspFor(inlineScriptHashes(readFileSync(file, 'utf8'))) };
    return cached.csp;
  };
  const { prefix, distDir } = page;
  return async (ctx, next) => {
    if (ctx.path !== prefix && !ctx.path.startsWith(`${prefix}/`)) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === prefix) return ctx.redirect(`${prefix}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
    if (!existsSync(`${distDir}/index.html`)) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = page.notBuilt;
      return;
    }
    ctx.set('Content-Security-Policy', indexCsp());
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    const file = ctx.path.slice(prefix.length + 1);
    if (page.hashedDirs.some((dir) => file.startsWith(`${dir}/`))) {
      const served = await send(ctx, file, { root: distDir, maxage: YEAR_MS, immutable: true, index: false }).catch(
        () => undefined,
      );
      if (served) return;
      ctx.status = 404;
      return;
    }
    if (file && file !== 'index.html' && !file.includes('..') && existsSync(`${distDir}/${file}`)) {
      await send(ctx, file, { root: distDir, maxage: 3600_000, index: false });
      return;
    }
    ctx.set('Cache-Control', 'no-cache');
    await send(ctx, 'index.html', { root: distDir, index: false });
  };
}
