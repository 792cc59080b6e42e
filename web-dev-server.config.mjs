// `npm start`: serves the demo (and the built bundle it loads) on localhost.
const port = Number(process.env.PORT ?? 8000);

/** The policy of demo/csp.html: nothing inline, nothing evaluated, nothing from elsewhere. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** Pages served under {@link STRICT_CSP}: the editor's and the reader's (a public article page). */
const STRICT_CSP_PAGES = new Set(['/demo/csp.html', '/demo/article.html']);

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > 25 * 1024 * 1024) throw new Error('Request too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What the CMS form sent, as the CMS would see it: each field, and the annotations parsed from the JSON value. */
function receivedPage(fields) {
  const rows = [...fields].map(([name, value]) => {
    let detail = '';
    if (name === 'annotations') {
      try {
        const file = JSON.parse(value);
        const items = (file.annotations ?? [])
          .map(
            (a) =>
              `<li data-tag="${escapeHtml(a.tag)}"><strong>${escapeHtml(a.tag)}</strong>: ${escapeHtml(a.quote)}${a.source ? ` — ${escapeHtml(a.source)}` : ''}</li>`,
          )
          .join('');
        detail = `<p><span id="annotation-count">${(file.annotations ?? []).length}</span> annotations:</p><ol id="received-annotations">${items}</ol>`;
      } catch (error) {
        detail = `<p>Not JSON: ${escapeHtml(error.message)}</p>`;
      }
    }
    return `<tr><th scope="row">${escapeHtml(name)}</th><td><pre>${escapeHtml(value.slice(0, 4000))}${value.length > 4000 ? '…' : ''}</pre>${detail}</td></tr>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article saved</title><link rel="icon" href="/demo/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/demo/demo.css"><link rel="stylesheet" href="/demo/received.css"></head>
<body><main><h1>What the CMS received</h1><table><tbody>${rows.join('')}</tbody></table><p><a href="/demo/cms.html">Back to the form</a></p></main></body></html>`;
}

export default {
  rootDir: '.',
  port,
  hostname: '127.0.0.1',
  open: false,
  watch: false,
  middleware: [
    async function demoRoutes(context, next) {
      if (context.path === '/' || context.path === '/index.html') {
        context.redirect('/demo/');
        return undefined;
      }
      if (context.path === '/demo/received' && context.method === 'POST') {
        const body = await readBody(context.req);
        context.type = 'html';
        context.body = receivedPage(new URLSearchParams(body));
        return undefined;
      }
      await next();
      if (STRICT_CSP_PAGES.has(context.path)) context.set('Content-Security-Policy', STRICT_CSP);
      return undefined;
    },
  ],
};
