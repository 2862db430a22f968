// `npm start`: the demo as a newcomer should first see it, with AdminJS's production bundles
// (minified: about 4 MB of JavaScript a full page load instead of 33 MB). The components are
// bundled at the first start, and again only when the sources changed (demo/productionBundle.ts).
// `npm run start:dev` is the development mode (components bundled on the first page view).
process.env.NODE_ENV ??= 'production'
const { bundleIsFresh } = await import('./productionBundle.js')
if (
  process.env.NODE_ENV === 'production' &&
  process.env.ADMIN_JS_SKIP_BUNDLE === undefined &&
  bundleIsFresh()
) {
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true'
}
await import('./server.js')
