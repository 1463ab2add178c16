/** The package version, kept in step with package.json; define.ts names it when two versions meet. */
export const VERSION = '0.1.0';
