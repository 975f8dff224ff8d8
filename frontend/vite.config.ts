import { defineConfig } from 'vitest/config';

// The dev server proxies /api to the backend; set CHAINATLAS_BACKEND to point elsewhere.
const backend = process.env.CHAINATLAS_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  base: './',
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
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
});
