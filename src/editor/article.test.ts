import { expect } from '@open-wc/testing';
import { DOMSerializer } from 'prosemirror-model';
import { articleFromText, deriveTitle, parseArticleHTML } from './article.js';
import { articleSchema, safeHref } from './schema.js';
import { TextIndex } from './text-index.js';

function serialize(html: string): HTMLElement {
  const container = document.createElement('div');
  container.append(DOMSerializer.fromSchema(articleSchema).serializeFragment(parseArticleHTML(html).content));
  return container;
}

describe('article parsing', () => {
  it('keeps news structure: headings, paragraphs, quotes, lists, breaks, emphasis, links', () => {
    const out = serialize(
      '<h1>Head</h1><p>A <strong>b</strong> <i>c</i> <a href="https://example.org/x">d</a><br>e</p>' +
        '<blockquote><p>q</p></blockquote><ol start="3"><li>one</li></ol><ul><li><p>two</p></li></ul>',
    );
    expect(out.querySelector('h1')?.textContent).to.equal('Head');
    expect(out.querySelector('strong')?.textContent).to.equal('b');
    expect(out.querySelector('em')?.textContent).to.equal('c');
    expect(out.querySelector('a')?.getAttribute('href')).to.equal('https://example.org/x');
    expect(out.querySelector('br')).to.exist;
    expect(out.querySelector('blockquote p')?.textContent).to.equal('q');
    expect(out.querySelector('ol')?.getAttribute('start')).to.equal('3');
    expect(out.querySelector('ul li p')?.textContent).to.equal('two');
  });

  it('drops scripts, styles, handlers, frames, images and unsafe links but keeps the text', () => {
    let fired = false;
    (window as unknown as { hostileFired: () => void }).hostileFired = () => (fired = true);
    const out = serialize(
      '<p onclick="hostileFired()" style="color:red">Safe <b onmouseover="hostileFired()">text</b></p>' +
        '<script>hostileFired()</script><style>p{color:red}</style><iframe src="https://evil.example"></iframe>' +
        '<img src="x" onerror="hostileFired()"><p><a href="javascript:hostileFired()">js</a> ' +
        '<a href=" JaVaScRiPt:hostileFired()">spaced</a> <a href="data:text/html,x">data</a> <a href="mailto:a@b.c">mail</a></p>' +
        '<svg><script>hostileFired()</script></svg><form><input value="x"></form>',
    );
    expect(out.querySelectorAll('script, style, iframe, img, svg, form, input')).to.have.length(0);
    const attributes = [...out.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name));
    expect(attributes.filter((name) => name.startsWith('on') || name === 'style')).to.deep.equal([]);
    const hrefs = [...out.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['mailto:a@b.c']);
    expect(out.textContent).to.contain('Safe text');
    expect(out.textContent).to.contain('js spaced data mail');
    expect(fired).to.equal(false);
  });

  it('accepts only http, https and mailto links', () => {
    expect(safeHref('https://a.example')).to.equal('https://a.example');
    expect(safeHref('java\tscript:alert(1)')).to.equal(null);
    expect(safeHref('/relative')).to.equal(null);
    expect(safeHref('vbscript:x')).to.equal(null);
  });

  it('turns plain text into one paragraph per non-blank line', () => {
    const doc = articleFromText('First line.\n\nSecond line.\r\nThird.');
    expect(doc.childCount).to.equal(3);
    expect(TextIndex.of(doc).text).to.equal('First line.\nSecond line.\nThird.');
  });

  it('gives an empty article one empty paragraph', () => {
    expect(parseArticleHTML('<script>x</script>').childCount).to.equal(1);
    expect(TextIndex.of(articleFromText('')).text).to.equal('');
  });

  it('derives a title from the first heading, else the first line', () => {
    expect(deriveTitle(parseArticleHTML('<p>Lead.</p><h2> Headline </h2>'))).to.equal('Headline');
    expect(deriveTitle(articleFromText('\nFirst line here.\nSecond.'))).to.equal('First line here.');
    expect(deriveTitle(articleFromText('x'.repeat(200)))).to.have.length(80);
  });
});
