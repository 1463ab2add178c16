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

// Tables of hundreds of rows with the same fields (the providers' codes, and their Spanish text).
const COLUMNAR_TABLES = ['data/providers.json', 'data/locales/es/providers.json'];
const inlineJson = () => json({ compact: true, preferConst: true, exclude: COLUMNAR_TABLES });

/**
 * Ships such a table one array per field rather than one object per row: like values then sit together and
 * gzip finds more of them (the providers' codes: 30.5 → 27 KB). The rows are rebuilt once, as the chunk loads.
 * A top-level array of objects, or an object of objects keyed by id, is rewritten; anything else is kept.
 */
function columnarTables() {
  const files = new Set(COLUMNAR_TABLES.map((path) => here(path)));
  // A field a row lacks is 0, which no field of these tables holds, so the rebuilt row lacks it too.
  const rebuild = `const rows=(fields,columns,keys)=>{const out=columns[0].map((_,i)=>{const row={};fields.forEach((f,j)=>{const v=columns[j][i];if(v!==0)row[f]=v});return row});return keys?Object.fromEntries(keys.map((k,i)=>[k,out[i]])):out};`;
  const isRow = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const table = (rows, keys) => {
    if (rows.some((row) => Object.values(row).includes(0))) throw new Error('rollup: a columnar table holds 0, which marks a missing field');
    const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const columns = fields.map((f) => rows.map((row) => (f in row ? row[f] : 0)));
    return `rows(${JSON.stringify(fields)},${JSON.stringify(columns)}${keys ? `,${JSON.stringify(keys)}` : ''})`;
  };
  return {
    name: 'columnar-tables',
    transform(code, id) {
      if (!files.has(id)) return null;
      const { $schema: _schema, ...data } = JSON.parse(code);
      const props = Object.entries(data).map(([key, value]) => {
        const values = Array.isArray(value) ? value : isRow(value) ? Object.values(value) : [];
        const columnar = values.length >= 50 && values.every(isRow);
        const written = !columnar ? JSON.stringify(value) : Array.isArray(value) ? table(value) : table(values, Object.keys(value));
        return `${JSON.stringify(key)}:${written}`;
      });
      return { code: `${rebuild}export default{${props.join(',')}};`, map: { mappings: '' } };
    },
  };
}

// These warnings mean a broken bundle, and `npm run build` runs with --silent: fail instead.
const fatalWarnings = new Set(['UNRESOLVED_IMPORT', 'MISSING_EXPORT', 'MISSING_GLOBAL_NAME', 'EVAL']);
function onwarn(warning, warn) {
  if (fatalWarnings.has(warning.code)) throw new Error(`rollup: ${warning.message}`);
  // Intended: the classic script sets no global. A second copy on the page would otherwise overwrite it
  // with a class that never got registered; the element is customElements.get('bounce-wizard').
  if (warning.code === 'MISSING_NAME_OPTION_FOR_IIFE_EXPORT') return;
  warn(warning);
}

// Two of postal-mime's modules give way to smaller ones. Its table of every HTML character name is 46 KB of
// its 63 KB and only serves HTML-only parts: a table of the names mail actually uses takes its place (see the
// module's comment). Its address parser (1.3 KB gzipped) only fills the parsed From/To/Cc fields, which the
// diagnosis never reads (it reads the raw headers): an empty list stands in.
const NO_ADDRESSES = '\0bw:no-addresses';
const postalMimeTrims = () => ({
  name: 'postal-mime-trims',
  resolveId(source, importer) {
    if (!importer?.includes('postal-mime')) return null;
    if (source === './html-entities.js') return here('src/core/diagnose/html-entities.ts');
    return source === './address-parser.js' ? NO_ADDRESSES : null;
  },
  load: (id) => (id === NO_ADDRESSES ? 'export default () => [];' : null),
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
// still load ES modules that sit beside it. They are built once as entries of their own, importing only one
// another: another language, the providers' codes, the paste diagnosis and the MIME library it may need stay
// out of the file every reader downloads. If they are missing, the widget answers in English without them
// (and a paste gets a friendly "couldn't read that").
const SIBLINGS = {
  'providers-data': 'src/core/providers-data.ts',
  diagnose: 'src/core/diagnose/diagnose.ts',
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
  postalMimeTrims(),
  // `production` picks Lit's production build (no dev-mode warnings, smaller) over `development`.
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  columnarTables(),
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
    plugins: [postalMimeTrims(), nodeResolve({ preferBuiltins: true }), columnarTables(), inlineJson(), typescript('node20')],
    output: { file: 'dist/cli.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
  },
];
