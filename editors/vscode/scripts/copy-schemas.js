// Copies the JSON Schemas from docs/schemas into the extension before packing (vsce runs this as vscode:prepublish),
// so the package carries the same schemas the repository documents, without a second copy in git.
'use strict';

const fs = require('fs');
const path = require('path');

const from = path.join(__dirname, '..', '..', '..', 'docs', 'schemas');
const to = path.join(__dirname, '..', 'schemas');
fs.mkdirSync(to, { recursive: true });
for (const name of ['rules.schema.json', 'scenario.schema.json']) {
  fs.copyFileSync(path.join(from, name), path.join(to, name));
}
