// The tracked custom-elements.json is what a build writes, on any machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import config from '../../custom-elements-manifest.config.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('modules are analysed in path order whatever order the glob finds them', () => {
  const found = [
    'src/components/shared/download.ts',
    'src/components/claim-sidebar/claim-sidebar.ts',
    'src/components/claim-details/claim-details.ts',
  ];
  const modules = config.overrideModuleCreation({ ts, globs: found });
  assert.deepEqual(
    modules.map((m) => m.fileName),
    [
      'src/components/claim-details/claim-details.ts',
      'src/components/claim-sidebar/claim-sidebar.ts',
      'src/components/shared/download.ts',
    ],
  );
});

test('custom-elements.json is current: a build leaves it unchanged', async () => {
  const made = await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
  const tracked = readFileSync(new URL('custom-elements.json', `file://${root}`), 'utf8');
  assert.ok(
    tracked === `${JSON.stringify(made, null, 2)}\n`,
    'custom-elements.json is out of date: run `npm run analyze` and commit it',
  );
});
