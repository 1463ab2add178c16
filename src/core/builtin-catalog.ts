/** The catalog built from the bundled `data/*.json`: the only module that imports the data files. */
import codes from '../../data/codes.json';
import causes from '../../data/causes.json';
import wizard from '../../data/wizard.json';
import { createCatalog } from './catalog.js';
import type { CatalogData } from './types.js';

// JSON imports type string literals as plain strings; the schema tests check the files match the types.
export const builtinCatalog = createCatalog({ codes, causes, wizard } as unknown as CatalogData);
