import vue from '@vitejs/plugin-vue';
import AutoImport from 'unplugin-auto-import/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import { defineConfig } from 'vitest/config';

// The dev server proxies /api to the backend; set CHAINATLAS_BACKEND to point elsewhere.
const backend = process.env.CHAINATLAS_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  base: './',
  plugins: [
    vue(),
    // Element Plus components and services (ElMessage …) are imported on demand, with their CSS, so each
    // route's chunk carries only the widgets it uses.
    AutoImport({ resolvers: [ElementPlusResolver()], dts: 'src/auto-imports.d.ts' }),
    Components({ resolvers: [ElementPlusResolver()], dts: 'src/components.d.ts', dirs: [] }),
  ],
  build: {
    // Built into the Spring Boot classpath so `./mvnw spring-boot:run` serves the UI at /.
    outDir: '../target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': backend,
      '/v3': backend,
    },
  },
  test: {
    // Pure logic runs in node; component tests opt into a DOM with `// @vitest-environment happy-dom`.
    environment: 'node',
    include: ['test/**/*.test.ts'],
    server: { deps: { inline: ['element-plus'] } },
  },
});
