/** Side-effect-free entry: the element class (not registered; import `define.js` for that) and the core. */
export { BounceWizard } from './components/bounce-wizard/bounce-wizard.js';
export type { BwStepDetail, BwDiagnosisDetail, BwCopyDetail, BwSupportDetail, BwDnsCheckDetail } from './components/bounce-wizard/bounce-wizard.js';
export type { CatalogSource } from './components/bounce-wizard/knowledge.js';
export { VERSION } from './version.js';
export * from './core/types.js';
export * from './core/code-parser.js';
export * from './core/catalog.js';
export * from './core/wizard.js';
export * from './core/deep-link.js';
export { builtinCatalog } from './core/builtin-catalog.js';
