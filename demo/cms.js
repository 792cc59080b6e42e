// A CMS page: the lock box disables the fieldset, as a CMS does for a published article.
const form = document.getElementById('article-form');
const editor = form.querySelector('claim-editor');
const fieldset = document.getElementById('claims-fieldset');
document.getElementById('lock').addEventListener('change', (event) => {
  fieldset.disabled = event.target.checked;
});

// The Headline field titles the saved document (articleMeta.title), and the URL field gives the article its address:
// the editor would otherwise title it by the article's first line.
const { title: headline, url } = form.elements;
function applyHeadline() {
  if (headline.value.trim()) editor.articleMeta = { ...editor.articleMeta, title: headline.value };
}
function applyUrl() {
  // A value the editor refuses (not http(s)) is reported by its claim-error, and the previous address stays.
  if (url.validity.valid) editor.articleUrl = url.value;
}
headline.addEventListener('input', applyHeadline);
url.addEventListener('change', applyUrl);
// After the element's first update its saved copy is being opened: the values set now are saved with it.
await customElements.whenDefined('claim-editor');
await editor.updateComplete;
applyHeadline();
applyUrl();
