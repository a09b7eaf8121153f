import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Served by the API at /sidebar/. In development (`npm run dev -w client-sidebar`) the API runs on :3000.
export default defineConfig({
  base: '/sidebar/',
  plugins: [react()],
  resolve: { alias: { '@xiaoer/common': fileURLToPath(new URL('../common/src', import.meta.url)) } },
  build: { target: 'es2020', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 400 },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' } },
});
