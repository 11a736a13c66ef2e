import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The renderer: built into dist/renderer, served by the desktop app's protocol handler and by browser mode. */
export default defineConfig(({ command }) => {
  // A build is what users run: React's production build, even when a test runner that set NODE_ENV=test starts it
  // (React's development build renders several times slower).
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root,
    base: '/',
    plugins: [react()],
    build: {
      outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
      emptyOutDir: true,
      // No inline scripts or styles anywhere (the CSP forbids them): assets are always files.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 2000,
      sourcemap: false,
    },
    server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  };
});
