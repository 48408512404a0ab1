/**
 * What makes the built lab installable and usable offline: the web app
 * manifest, the icons (scripts/icons.ts) and a Workbox service worker that
 * precaches the app shell (html, scripts, styles, WebAssembly, icons) and
 * nothing under data/: the MNIST files (11.0 MB gzipped) are kept by the
 * training worker once it has fetched them (src/data/dataStore.ts), not in
 * the install step, where one failed download on classroom Wi-Fi would
 * fail the whole install. The page registers the worker itself
 * (src/app/offline/serviceWorker.ts), in the production build only.
 */
import { readFileSync } from 'node:fs';
import type { Plugin, PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { ICON_SVG_PATH, THEME_COLOR, iconPngs, iconSvg } from './icons.ts';

/** Emits the PNG icons into the build and serves them in dev; warns when public/icon.svg no longer matches its source. */
function icons(): Plugin {
  let pngs: Record<string, Buffer> | null = null;
  const made = () => (pngs ??= iconPngs());
  return {
    name: 'mnist-lab:icons',
    buildStart() {
      if (readFileSync(ICON_SVG_PATH, 'utf8') !== iconSvg()) this.warn('public/icon.svg differs from scripts/icons.ts: run `npm run icons`');
    },
    generateBundle() {
      for (const [fileName, source] of Object.entries(made())) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const png = made()[(req.url ?? '').split('?')[0].replace(/^.*\//, '')];
        if (!png) return next();
        res.setHeader('Content-Type', 'image/png');
        res.end(png);
      });
    },
  };
}

export function pwa(): PluginOption[] {
  return [
    icons(),
    VitePWA({
      injectRegister: false,
      // A new version waits until the person reloads for it: never a reload in the middle of a run.
      registerType: 'prompt',
      manifest: {
        name: 'mnist-lab',
        short_name: 'mnist-lab',
        description: 'Watch a small neural network learn MNIST live in your browser, and see what the learning rate does.',
        lang: 'en',
        display: 'standalone',
        theme_color: THEME_COLOR,
        background_color: '#f5f6f8',
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,wasm,png}'],
        globIgnores: ['data/**'],
        // The training worker's bundle (tfjs) is 1.2 MB; Workbox skips files over 2 MiB by default, silently.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallbackDenylist: [/\/data\//],
      },
    }),
  ];
}
