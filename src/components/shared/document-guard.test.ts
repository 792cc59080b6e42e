import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { guardDocument } from './document-guard.js';

describe('guardDocument', () => {
  afterEach(() => fixtureCleanup());

  it('takes names that hide document methods off elements of the article, and the methods work again', async () => {
    const host = await fixture<HTMLElement>(
      '<div><claim-editor-article><img name="createTreeWalker" alt=""><form name="importNode"></form><img name="elementFromPoint" alt=""><p id="createTreeWalker">Text.</p></claim-editor-article></div>',
    );
    expect(typeof document.createTreeWalker, 'hidden before').to.not.equal('function');

    const left = guardDocument(host);

    expect(left).to.deep.equal([]);
    expect(typeof document.createTreeWalker).to.equal('function');
    expect(typeof document.importNode).to.equal('function');
    expect(typeof document.elementFromPoint).to.equal('function');
    expect(host.querySelector('img')?.hasAttribute('name')).to.equal(false);
    expect(host.querySelector('p')?.id, 'a paragraph’s id hides nothing and is kept').to.equal('createTreeWalker');
    expect(document.createTreeWalker(host, NodeFilter.SHOW_TEXT).nextNode()?.textContent).to.equal('Text.');
  });

  it('leaves the rest of the page as it is and says which methods stay hidden', async () => {
    const page = await fixture<HTMLElement>('<div><img name="createRange" alt=""></div>');
    const article = await fixture<HTMLElement>('<div><p>Text.</p></div>');
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      expect(guardDocument(article)).to.deep.equal(['createRange']);
    } finally {
      console.error = original;
    }
    expect(page.querySelector('img')?.getAttribute('name')).to.equal('createRange');
    expect(errors.join(' ')).to.include('"createRange"');
  });

  it('does nothing on a page that hides nothing', () => {
    expect(guardDocument()).to.deep.equal([]);
  });
});
