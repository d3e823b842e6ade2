import { fileURLToPath, URL } from 'node:url'
import type { IncomingMessage } from 'node:http'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The Spring Boot server; `mvn spring-boot:run` listens here by default.
const backend = process.env.SUNLIGHT_BACKEND ?? 'http://localhost:8080'

// /login and /logout are both SPA pages (GET, HTML) and Spring Security endpoints (POST).
function spaPage(req: IncomingMessage): string | undefined {
  return req.method === 'GET' && req.headers.accept?.includes('text/html') ? '/index.html' : undefined
}

export default defineConfig({
  base: '/',
  plugins: [
    // <altcha-widget> (the complaint form's proof-of-work challenge) is a web component, not Vue's.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'altcha-widget' } } }),
    Components({
      dirs: [],
      dts: 'src/components.d.ts',
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      '/api': { target: backend },
      '/login': { target: backend, bypass: spaPage },
      '/logout': { target: backend, bypass: spaPage },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // bpmn-js (about 1 MB) is loaded only by the pages that draw diagrams (lazy routes); the
    // designer's modeler with its properties panel is about 1.4 MB.
    chunkSizeWarningLimit: 1600,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    // Element Plus components come with CSS imports, which only Vite (not Node) can load; the
    // properties panel's bundled Preact uses directory imports, which only Vite resolves.
    server: { deps: { inline: ['element-plus', 'bpmn-js-properties-panel', '@bpmn-io/properties-panel'] } },
    // Node would pick the CommonJS builds of the properties panels, which require bpmn-js's ES
    // modules; the ES builds keep everything inside Vite.
    alias: [
      { find: /^bpmn-js-properties-panel$/, replacement: 'bpmn-js-properties-panel/dist/index.esm.js' },
      { find: /^@bpmn-io\/properties-panel$/, replacement: '@bpmn-io/properties-panel/dist/index.esm.js' },
    ],
  },
})
