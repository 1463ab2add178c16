import { walkTheme } from '../../../test/browser/a11y-walk.js';

walkTheme('light');
