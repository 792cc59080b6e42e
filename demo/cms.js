// A CMS page: the lock box disables the fieldset, as a CMS does for a published article.
const fieldset = document.getElementById('claims-fieldset');
document.getElementById('lock').addEventListener('change', (event) => {
  fieldset.disabled = event.target.checked;
});
