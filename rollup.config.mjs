import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// Terser drops Lit's per-file @license comments; one banner keeps the notices both licenses ask for.
const banner = `/*! ${pkg.name} ${pkg.version} | MIT | includes Lit (BSD-3-Clause, Google LLC) */`;

// esbuild only strips types; it reads tsconfig.json for experimentalDecorators and
// useDefineForClassFields: false, without which Lit's decorated properties stop being reactive.
const typescript = (target) => esbuild({ tsconfig: 'tsconfig.json', target });

const inlineJson = () => json({ compact: true, preferConst: true });

// These warnings mean a broken bundle, and `npm run build` runs with --silent: fail instead.
const fatalWarnings = new Set(['UNRESOLVED_IMPORT', 'MISSING_EXPORT', 'MISSING_GLOBAL_NAME', 'EVAL']);
function onwarn(warning, warn) {
  if (fatalWarnings.has(warning.code)) throw new Error(`rollup: ${warning.message}`);
  // Intended: the classic script sets no global. A second copy on the page would otherwise overwrite it
  // with a class that never got registered; the element is customElements.get('bounce-wizard').
  if (warning.code === 'MISSING_NAME_OPTION_FOR_IIFE_EXPORT') return;
  warn(warning);
}

// postal-mime's table of every HTML character name is 46 KB of its 63 KB; it only serves HTML-only parts,
// so a table of the names mail actually uses takes its place (see the module's comment).
const smallEntityTable = () => ({
  name: 'small-entity-table',
  resolveId(source, importer) {
    if (source !== './html-entities.js' || !importer?.includes('postal-mime')) return null;
    return here('src/core/diagnose/html-entities.ts');
  },
});

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

const minify = (module) => [terser({ module, ecma: 2021, format: { comments: /^!/ } })];

// The ES module keeps data and decoders a reader may never need in chunks beside it, loaded on demand.
const esOutput = {
  dir: 'dist',
  entryFileNames: '[name].js',
  chunkFileNames: 'bounce-wizard-[name]-[hash].js',
  format: 'es',
  banner,
  sourcemap: true,
  plugins: minify(true),
};

// The classic script cannot be split, but its import() resolves against the script's own URL, so it can
// still load ES modules that sit beside it. These are self-contained (they import nothing), so they can be
// built once as entries of their own: another language, the providers' codes and the MIME library stay out
// of the file every reader downloads. If they are missing, the widget answers in English without them.
const SIBLINGS = {
  'providers-data': 'src/core/providers-data.ts',
  'locale-es': 'src/i18n/locale-es.ts',
  'postal-mime': 'postal-mime',
};
const here = (path) => fileURLToPath(new URL(`./${path}`, import.meta.url));
const siblingFile = (name) => `bounce-wizard.iife.${name}.js`;

/** In the classic script, a dynamic import of a sibling's module becomes an import of the file beside it. */
function siblingImports() {
  let siblings;
  return {
    name: 'sibling-imports',
    async buildStart() {
      siblings = new Map();
      for (const [name, source] of Object.entries(SIBLINGS)) {
        const id = source.startsWith('src/') ? here(source) : (await this.resolve(source, here('rollup.config.mjs')))?.id;
        if (!id) throw new Error(`rollup: sibling ${source} not found`);
        siblings.set(id, name);
      }
    },
    async resolveDynamicImport(specifier, importer) {
      if (typeof specifier !== 'string') return null;
      const name = siblings.get((await this.resolve(specifier, importer, { skipSelf: true }))?.id);
      // 'absolute': written exactly as given, so relative to the script wherever it is served from.
      return name ? { id: `./${siblingFile(name)}`, external: 'absolute' } : null;
    },
  };
}

const iifeOutput = {
  file: 'dist/bounce-wizard.iife.js',
  format: 'iife',
  banner,
  sourcemap: true,
  inlineDynamicImports: true,
  plugins: minify(false),
};

const browserPlugins = () => [
  smallEntityTable(),
  // `production` picks Lit's production build (no dev-mode warnings, smaller) over `development`.
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  inlineJson(),
  typescript('es2021'),
  minifyTemplateLiterals(),
];

export default [
  {
    // Two entries over the same chunks: `bounce-wizard.js` registers the tag, `index.js` only exports the
    // class and the core. A host importing both gets one class, so the registered one is the exported one.
    input: { 'bounce-wizard': 'src/define.ts', index: 'src/index.ts' },
    // The class entry must not run the define entry's code, so no chunk may be merged into an entry.
    preserveEntrySignatures: 'strict',
    onwarn,
    plugins: browserPlugins(),
    output: esOutput,
  },
  {
    input: 'src/define.ts',
    onwarn,
    plugins: [siblingImports(), ...browserPlugins()],
    output: iifeOutput,
  },
  {
    input: Object.fromEntries(Object.keys(SIBLINGS).map((name) => [siblingFile(name).slice(0, -3), SIBLINGS[name]])),
    onwarn,
    plugins: browserPlugins(),
    output: { ...esOutput, chunkFileNames: 'bounce-wizard.iife.[name].js' },
  },
  {
    input: 'src/cli/main.ts',
    onwarn,
    external: (id) => nodeBuiltins.has(id),
    plugins: [smallEntityTable(), nodeResolve({ preferBuiltins: true }), inlineJson(), typescript('node20')],
    output: { file: 'dist/cli.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
  },
];
