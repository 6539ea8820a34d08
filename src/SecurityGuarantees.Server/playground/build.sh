#!/usr/bin/env bash
# Rebuilds the playground bundle in dist/ (checked in, so `dotnet build` never needs npm):
# CodeMirror 6 and Mermaid from npm, bundled and minified by esbuild, with the licences of every bundled package.
#   cd src/SecurityGuarantees.Server/playground && npm ci && bash build.sh
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules ] || npm ci --no-audit --no-fund
rm -rf dist && mkdir -p dist
npx esbuild src/app.js --bundle --format=esm --splitting --minify --target=es2020 --legal-comments=none \
  --outdir=dist --entry-names=app --chunk-names=chunk-[hash] --metafile=dist/meta.json --log-level=warning
cp src/index.html src/app.css dist/
# The licence of every npm package that went into the bundle, one after another.
node -e '
const fs = require("fs"), path = require("path");
const meta = JSON.parse(fs.readFileSync("dist/meta.json", "utf8"));
const packages = new Set();
for (const input of Object.keys(meta.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) packages.add(m[1]);
}
let out = "Third-party software bundled into the playground (app.js and chunk-*.js), with its licences.\n";
for (const name of [...packages].sort()) {
  const dir = path.join("node_modules", name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  out += `\n==== ${name} ${pkg.version} (${pkg.license ?? "see below"}) ====\n`;
  out += file ? fs.readFileSync(path.join(dir, file), "utf8").trim() + "\n" : "(no licence file in the package; licence: " + (pkg.license ?? "unknown") + ")\n";
}
fs.writeFileSync("dist/THIRD-PARTY-LICENSES.txt", out);
'
rm dist/meta.json
du -ch dist/* | tail -1
