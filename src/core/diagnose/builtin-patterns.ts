/** The bundled bounce-text patterns (`data/patterns.json`); hosts may pass their own to `diagnose`. */
// Named imports let the bundler leave out the file's `about` text and `$schema`, which the code never reads.
import { blocklists, bounceSubjects, endings, notBounce, phrases, replyCodes, serverSaid, stageRules, stages, statusCodes, stillTrying, temporary } from '../../../data/patterns.json';
import type { PatternsData } from './classify.js';

// JSON imports type string literals as plain strings; the schema test checks the file matches the type.
export const builtinPatterns = { notBounce, phrases, statusCodes, replyCodes, blocklists, serverSaid, stages, stageRules, temporary, endings, bounceSubjects, stillTrying } as unknown as PatternsData;
