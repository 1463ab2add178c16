// `cem analyze` (run by `npm run build`) writes custom-elements.json from the element's JSDoc; the README's
// API tables are generated from it by scripts/readme-api.mjs.

/**
 * The analyzer also lists `dispatchEvent(new CustomEvent(type))` inside the private `emit` helper as an
 * event named `type`. Public events are the ones declared with `@fires`, which always carry a description.
 */
function documentedEventsOnly() {
  return {
    name: 'documented-events-only',
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.description);
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts', 'src/define.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/test-helpers.ts'],
  outdir: '.',
  litelement: true,
  plugins: [documentedEventsOnly()],
};
