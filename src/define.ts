/**
 * Registers `<bounce-wizard>`. Loading this twice, or next to another build, must not throw: the first
 * definition wins, and a different version is named once in the console so the host can clean up.
 */
import { BounceWizard } from './components/bounce-wizard/bounce-wizard.js';

const TAG = 'bounce-wizard';
const existing = customElements.get(TAG);

if (!existing) {
  customElements.define(TAG, BounceWizard);
} else if (existing !== BounceWizard) {
  // The same build loaded twice is harmless; only a different version deserves the host's attention.
  const theirs = (existing as Partial<typeof BounceWizard>).version;
  if (theirs !== BounceWizard.version) {
    console.warn(`<${TAG}> is already defined by ${theirs ?? 'an unknown version'}; this copy (${BounceWizard.version}) is not used.`);
  }
}

export { BounceWizard };
