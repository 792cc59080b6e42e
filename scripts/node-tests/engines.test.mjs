// package.json's engines are true: every package `npm ci` installs runs on every Node it declares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import semver from 'semver';

const readJson = (name) => JSON.parse(readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8'));

test('every package of the lock file supports every Node version package.json declares', () => {
  const declared = readJson('package.json').engines.node;
  const lock = readJson('package-lock.json');
  const narrower = Object.entries(lock.packages)
    // npm leaves out an optional package whose engines do not match, as it does one for another platform.
    .filter(([path, entry]) => path !== '' && !entry.optional && entry.engines?.node)
    .filter(([, entry]) => !semver.subset(declared, entry.engines.node))
    .map(
      ([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version} needs node ${entry.engines.node}`,
    );
  assert.deepEqual(narrower, [], `package.json declares node ${declared}, but:`);
});

test('the Node running the tests is one package.json declares', () => {
  assert.ok(
    semver.satisfies(process.version, readJson('package.json').engines.node),
    `${process.version} is not declared`,
  );
});
