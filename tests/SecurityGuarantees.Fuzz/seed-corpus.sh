#!/usr/bin/env bash
# Re-seeds corpus/ from the repository's rules/ and examples/ (issue 12). The corpus is checked in; run this after the
# shipped rules or examples change. Seeds are named after their source; inputs the fuzzer found worth keeping
# (regressions) live in corpus/<target>/found-*.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$here/corpus"
mkdir -p "$corpus/rules" "$corpus/scenario" "$corpus/expression"
rm -f "$corpus"/*/seed-*

for f in "$root"/rules/*.yaml "$root"/examples/*/rules/*.yaml; do
  name="${f#"$root"/}"; cp "$f" "$corpus/rules/seed-${name//\//-}"
done
# A rule file that declares types and enums and uses them (the rules target loads one text at a time).
{ cat "$root"/examples/declared-types/rules/sanctions-types.yaml; grep -v -E '^(version|#)' "$root"/examples/declared-types/rules/sanctions.yaml; } \
  > "$corpus/rules/seed-examples-declared-types-combined.yaml"
for f in "$root"/examples/scenarios/*.yaml "$root"/examples/timelines/*.yaml "$root"/examples/*/scenario.yaml \
  "$root"/examples/declared-types/*.yaml; do
  name="${f#"$root"/}"; cp "$f" "$corpus/scenario/seed-${name//\//-}"
done
# Expressions: every one-line 'where:', 'having:' and 'each:' value of the shipped rules, quotes removed.
n=0
grep -h -E '^\s*(- )?(where|having|each): ' "$root"/rules/*.yaml "$root"/examples/*/rules/*.yaml \
  | sed -E 's/^\s*(- )?(where|having|each): //; s/^"(.*)"$/\1/' | grep -v -E '^[>|][-+]?$' | sort -u | while IFS= read -r expr; do
    n=$((n + 1)); printf '%s' "$expr" > "$corpus/expression/seed-$(printf '%03d' "$n")"
  done
echo "corpus: $(ls "$corpus/rules" | wc -l) rules, $(ls "$corpus/scenario" | wc -l) scenario, $(ls "$corpus/expression" | wc -l) expression inputs"
