/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// The gateway serves the console under /console/ from the console jar (META-INF/resources/console/).
// File names are fixed (console.js, console.css): the gateway's test and caches rely on them, and one small
// bundle needs no chunk hashing. `npm run dev` proxies the API to a running stack (CONSOLE_API, default :8080).
export default defineConfig({
  base: '/console/',
  build: {
    outDir: process.env.CONSOLE_OUT_DIR || 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // one module-script bundle: no preload polyfill needed
    modulePreload: { polyfill: false },
    rollupOptions: {
      // TanStack Query marks its modules «use client» for React Server Components; a client bundle drops it
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        entryFileNames: 'console.js',
        chunkFileNames: 'console-[name].js',
        assetFileNames: (info) => (info.names?.some((n) => n.endsWith('.css')) ? 'console.css' : 'assets/[name][extname]'),
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: process.env.CONSOLE_API || 'http://localhost:8080', changeOrigin: true },
      '/simulator': { target: process.env.CONSOLE_API || 'http://localhost:8080', changeOrigin: true },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
