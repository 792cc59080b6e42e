import { expect } from '@open-wc/testing';
import { isIsoDate, MetadataError, validateArticleMeta, validateReviewer } from './article-meta.js';

describe('validateArticleMeta', () => {
  it('returns the fields trimmed, without empty ones', () => {
    expect(
      validateArticleMeta({
        title: ' Dam opens ',
        url: 'https://news.example/dam',
        publisher: 'Harbour Daily',
        author: '',
        datePublished: '2026-04-09T08:30:00Z',
        language: 'ko-KR',
      }),
    ).to.deep.equal({
      title: 'Dam opens',
      url: 'https://news.example/dam',
      publisher: 'Harbour Daily',
      datePublished: '2026-04-09T08:30:00Z',
      language: 'ko-KR',
    });
    expect(validateArticleMeta(undefined)).to.deep.equal({});
  });

  it('refuses a URL that is not http(s), naming the field', () => {
    for (const url of ['javascript:alert(1)', 'ftp://news.example/a', 'news.example/a', 'data:text/html,x']) {
      expect(() => validateArticleMeta({ url }), url).to.throw(MetadataError, /articleMeta\.url .*http/);
    }
  });

  it('refuses a date that is not ISO 8601, and a day that does not exist', () => {
    for (const date of ['9 April 2026', '2026-02-30', '2026/04/09', '20260409', 'yesterday']) {
      expect(() => validateArticleMeta({ datePublished: date }), date).to.throw(MetadataError, /ISO 8601/);
    }
    for (const date of ['2026-04-09', '2026-04-09T08:30', '2026-04-09T08:30:00.5+09:00']) {
      expect(isIsoDate(date), date).to.equal(true);
    }
  });

  it('refuses unknown fields, non-text values, bad language tags and non-objects', () => {
    expect(() => validateArticleMeta({ headline: 'x' })).to.throw(/unknown fields \(headline\)/);
    expect(() => validateArticleMeta({ title: 42 })).to.throw(/articleMeta\.title must be text/);
    expect(() => validateArticleMeta({ language: 'not a tag!' })).to.throw(/language tag/);
    expect(() => validateArticleMeta('https://news.example')).to.throw(/must be an object/);
    expect(() => validateArticleMeta({ title: 'x'.repeat(3000) })).to.throw(/longer than/);
  });
});

describe('validateReviewer', () => {
  it('needs a name and an http(s) URL; the logo is optional and http(s) too', () => {
    expect(validateReviewer({ name: ' Desk ', url: 'https://desk.example/' })).to.deep.equal({
      name: 'Desk',
      url: 'https://desk.example/',
    });
    expect(validateReviewer(undefined)).to.equal(undefined);
    expect(() => validateReviewer({ url: 'https://desk.example/' })).to.throw(/reviewer\.name is required/);
    expect(() => validateReviewer({ name: 'Desk' })).to.throw(/reviewer\.url is required/);
    expect(() => validateReviewer({ name: 'Desk', url: 'https://d.example', logo: 'javascript:x' })).to.throw(
      /reviewer\.logo/,
    );
  });
});
