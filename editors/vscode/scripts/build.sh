#!/usr/bin/env bash
# Rebuilds dist/extension.js (the extension with vscode-languageclient bundled in) and its third-party licences.
# Run it after changing src/extension.js or the devDependencies, and commit dist/. Packing (npx @vscode/vsce package)
# does not need it: dist/ is checked in.
set -euo pipefail
cd "$(dirname "$0")/.."
npm install --no-audit --no-fund
npm run build
{
  echo "dist/extension.js bundles these npm packages; their licences follow."
  for package in vscode-languageclient vscode-languageserver-protocol vscode-languageserver-types vscode-jsonrpc minimatch \
    brace-expansion balanced-match semver; do
    dir="node_modules/$package"
    [ -d "$dir" ] || continue
    version=$(node -p "require('./$dir/package.json').version")
    echo
    echo "==== $package $version"
    cat "$dir"/LICENSE* 2>/dev/null || cat "$dir"/License* 2>/dev/null || echo "(licence: $(node -p "require('./$dir/package.json').license"))"
  done
} > dist/THIRD-PARTY-NOTICES.txt
