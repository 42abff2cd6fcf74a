import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API to a local `orderly serve` (ORDERLY_API, default 127.0.0.1:8080);
// the build itself is served by orderly.
const api = process.env.ORDERLY_API ?? 'http://127.0.0.1:8080';
const proxy = { '/api': api, '/api-auth': api };

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  test: { include: ['src/**/*.test.ts'] },
});
