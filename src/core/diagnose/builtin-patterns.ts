/** The bundled bounce-text patterns (`data/patterns.json`); hosts may pass their own to `diagnose`. */
import patterns from '../../../data/patterns.json';
import type { PatternsData } from './classify.js';

// JSON imports type string literals as plain strings; the schema test checks the file matches the type.
export const builtinPatterns = patterns as unknown as PatternsData;
