// Tests drive Debian's Firefox through Puppeteer; Puppeteer needs no browser download of its own.
module.exports = { skipDownload: true };
