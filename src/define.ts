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
  const theirs = (existing as Partial<typeof BounceWizard>).version ?? 'an unknown version';
  console.warn(`<${TAG}> is already defined by ${theirs}; this copy (${BounceWizard.version}) is not used.`);
}

export { BounceWizard };
