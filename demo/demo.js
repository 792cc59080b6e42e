// Shows what an embedding page gets from the editor's events.
const editor = document.getElementById('editor');
const output = document.getElementById('last-change');

editor.addEventListener('claim-change', (event) => {
  const { reason, annotations } = event.detail;
  const lines = annotations.map(
    (a) => `${a.tag.padEnd(18)} ${a.start}–${a.end} ${JSON.stringify(a.quote.slice(0, 50))}${a.source ? ` — ${a.source}` : ''}`,
  );
  output.textContent = `reason: ${reason}, ${annotations.length} annotation(s)\n${lines.join('\n')}`;
});
