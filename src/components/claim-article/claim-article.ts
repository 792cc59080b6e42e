import { ClaimArticle } from './claim-article.component.js';

export { ClaimArticle };

if (!customElements.get('claim-article')) customElements.define('claim-article', ClaimArticle);
