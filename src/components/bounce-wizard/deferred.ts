/**
 * Everything the element needs after its first render, as one chunk: the built-in catalog, the core that
 * walks it and the views that show it. The first question renders from `first-question.json` while this
 * loads, so what a page downloads before the widget shows is Lit and the element alone.
 */
export { builtinCatalog } from '../../core/builtin-catalog.js';
export { withProviders } from '../../core/catalog.js';
export { translateCatalog } from '../../core/localize.js';
export { advance, back, progress, replay, startState } from '../../core/wizard.js';
export { encodePath, restorePath } from '../../core/deep-link.js';
export { supportLink, supportSummary } from '../../core/support-summary.js';
export { buildIndex, filterIndex, openEntry } from '../../core/code-index.js';
export { pasteProblem, readPaste } from './paste-reader.js';
export { renderCodeInput } from './views/code-input.js';
export { renderCodeEntry } from './views/code-entry.js';
export { renderDiagnosis } from './views/diagnosis.js';
export { INDEX_PAGE, renderCodeIndex } from './views/code-index.js';
export { pastedCode, renderPaste } from './views/paste.js';
