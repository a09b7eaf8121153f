import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Services, hooks and pure view logic under jsdom; @tarojs/taro is replaced by a small stand-in whose request goes
// over real HTTP (fetch) to a local server, and whose storage is in memory. The real Taro runtime is covered by the
// browser tests on the H5 build.
export default defineConfig({
  resolve: {
    alias: {
      '@xiaoer/common': fileURLToPath(new URL('../common/src', import.meta.url)),
      '@tarojs/taro': fileURLToPath(new URL('./test/taro-standin.ts', import.meta.url)),
    },
  },
  define: {
    'process.env.TARO_ENV': JSON.stringify('h5'),
    'process.env.TARO_APP_API': '""',
    'process.env.TARO_APP_SUBSCRIBE_TEMPLATE': '""',
  },
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'] },
});
