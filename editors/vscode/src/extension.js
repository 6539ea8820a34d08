// Starts the installed `security-guarantees lsp` for the rule, scenario and timeline files of the workspace.
// Bundled ahead with esbuild into dist/extension.js (scripts/build.sh), so packing the extension needs no install.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

async function activate(context) {
  const configuration = vscode.workspace.getConfiguration('securityGuarantees');
  const command = configuration.get('server.path', 'security-guarantees');
  const files = configuration.get('files', []);
  const serverOptions = { command, args: ['lsp'], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: files.map((pattern) => ({ scheme: 'file', language: 'yaml', pattern })),
  };
  client = new LanguageClient('securityGuarantees', 'Security Guarantees', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `Security Guarantees: could not start '${command} lsp' (${error.message}). Install the tool with ` +
        "'dotnet tool install -g SecurityGuarantees.Cli' or set securityGuarantees.server.path.");
  }
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
