// Counts Content-Security-Policy violations on this page, for people and for the e2e test.
const violations = [];
window.cspViolations = violations;
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(
    `${event.violatedDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
  );
  document.getElementById('violations').textContent = String(violations.length);
  const item = document.createElement('li');
  item.textContent = violations[violations.length - 1];
  document.getElementById('violation-list').append(item);
});
