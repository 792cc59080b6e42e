import { expect } from '@open-wc/testing';

interface Named {
  name: string;
}

interface Declaration {
  customElement?: boolean;
  tagName?: string;
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

/** The claim-editor entry of the custom-elements.json the package ships. */
async function claimEditorManifest(): Promise<Declaration> {
  const response = await fetch('/custom-elements.json');
  expect(response.ok, 'custom-elements.json is served').to.equal(true);
  const manifest = (await response.json()) as { modules: { declarations?: Declaration[] }[] };
  const found = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.customElement && d.tagName === 'claim-editor');
  if (!found) throw new Error('custom-elements.json does not list claim-editor');
  return found;
}

const names = (list: Named[] | undefined) => (list ?? []).map((item) => item.name);

describe('custom-elements.json', () => {
  it('lists claim-editor with every attribute of the public contract', async () => {
    const editor = await claimEditorManifest();
    expect(names(editor.attributes)).to.include.members([
      'mode',
      'readonly',
      'annotator',
      'document-id',
      'db-name',
      'name',
    ]);
  });

  it('lists its events, parts and per-tag custom properties', async () => {
    const editor = await claimEditorManifest();
    expect(names(editor.events)).to.include.members(['claim-change', 'claim-save', 'claim-error']);
    expect(names(editor.cssParts)).to.include.members(['toolbar', 'editor', 'sidebar']);
    expect(names(editor.cssProperties)).to.include.members([
      '--claim-tag-state-media-claim-color',
      '--claim-tag-analyst-opinion-color',
      '--claim-tag-reported-fact-color',
      '--claim-font-family',
      '--claim-focus-color',
    ]);
  });
});
