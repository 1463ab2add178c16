export const START: string;
export const END: string;
/** The parts of a custom-elements.json declaration the README tables use. */
export interface ManifestElement {
  customElement?: boolean;
  tagName?: string;
  attributes?: { name: string; fieldName?: string; type?: { text: string }; default?: string; description?: string }[];
  members?: {
    kind: 'field' | 'method';
    name: string;
    privacy?: string;
    static?: boolean;
    attribute?: string;
    type?: { text: string };
    description?: string;
    parameters?: { name: string; optional?: boolean; type?: { text: string } }[];
    return?: { type?: { text: string } };
  }[];
  events?: { name: string; description?: string }[];
  cssParts?: { name: string; description?: string }[];
  cssProperties?: { name: string; default?: string; description?: string }[];
}
export function findElement(manifest: { modules?: { declarations?: ManifestElement[] }[] }, tagName: string): ManifestElement;
export function renderApi(element: ManifestElement): string;
export function replaceApi(readme: string, api: string): string;
