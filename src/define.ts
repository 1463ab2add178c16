/**
 * Registers `<bounce-wizard>`. Loading this twice, or next to another build, must not throw: the first
 * definition wins, and a different version is named once in the console so the host can clean up.
 */
import { BounceWizard } from './components/bounce-wizard/bounce-wizard.js';

const TAG = 'bounce-wizard';
/** Shared by every copy of this script on the page (Symbol.for), whichever bundle it came from. */
const WARNED = Symbol.for('bounce-wizard.warned-versions');
const existing = customElements.get(TAG);

if (!existing) {
  // A literal tag name, so the manifest analyzer can tell which tag the class is registered as.
  customElements.define('bounce-wizard', BounceWizard);
} else if (existing !== BounceWizard) {
  // The same build loaded twice is harmless; only a different version deserves the host's attention.
  // The note lives on the registered class, not in a global: more copies of this version stay silent.
  const registered = existing as CustomElementConstructor & { version?: string; [WARNED]?: Set<string> };
  const theirs = registered.version;
  const warned = (registered[WARNED] ??= new Set());
  if (theirs !== BounceWizard.version && !warned.has(BounceWizard.version)) {
    warned.add(BounceWizard.version);
    console.warn(`<${TAG}> is already defined by ${theirs ?? 'an unknown version'}; this copy (${BounceWizard.version}) is not used.`);
  }
}

export { BounceWizard };
