import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Library build only. One output module per source module keeps every export tree-shakeable, and the
// "use client" banner lets React Server Components frameworks import the package from server files.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    target: 'es2020',
    lib: {
      entry: { index: 'src/index.ts', router: 'src/router.ts', testing: 'src/testing.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^react-router($|-dom)/],
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        banner: '"use client";',
      },
    },
  },
});
