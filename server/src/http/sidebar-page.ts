// Serves the built sidebar (client-sidebar/dist) at /sidebar/: hashed assets cached for a year, index.html never
// cached (a deploy is visible at the next open), any other path under /sidebar/ answered with index.html. The page's
// own CSP allows only this origin — plus the WeCom stand-in's when one is configured, whose JS bridge the demo loads.
import { existsSync } from 'node:fs';
import { send } from '@koa/send';
import type { Middleware } from 'koa';

export const SIDEBAR_PREFIX = '/sidebar';
const YEAR_MS = 365 * 24 * 3600_000;

export function sidebarPage(distDir: string, extraOrigins: string[]): Middleware {
  const allowed = ["'self'", ...extraOrigins].join(' ');
  const csp = [
    "default-src 'self'",
    `script-src ${allowed}`,
    `connect-src ${allowed}`,
    "img-src 'self' data: https: http:", // avatars come from WeCom's image hosts
    "style-src 'self' 'unsafe-inline'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return async (ctx, next) => {
    if (ctx.path !== SIDEBAR_PREFIX && !ctx.path.startsWith(`${SIDEBAR_PREFIX}/`)) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === SIDEBAR_PREFIX) return ctx.redirect(`${SIDEBAR_PREFIX}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
    if (!existsSync(`${distDir}/index.html`)) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = '侧边栏页面还没有构建，请先运行 npm run build -w client-sidebar';
      return;
    }
    ctx.set('Content-Security-Policy', csp);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    const file = ctx.path.slice(SIDEBAR_PREFIX.length + 1);
    if (file.startsWith('assets/')) {
      const served = await send(ctx, file, { root: distDir, maxage: YEAR_MS, immutable: true, index: false }).catch(() => undefined);
      if (served) return;
      ctx.status = 404;
      return;
    }
    if (file && file !== 'index.html' && existsSync(`${distDir}/${file}`) && !file.includes('..')) {
      await send(ctx, file, { root: distDir, maxage: 3600_000, index: false });
      return;
    }
    ctx.set('Cache-Control', 'no-cache');
    await send(ctx, 'index.html', { root: distDir, index: false });
  };
}
