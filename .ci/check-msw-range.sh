#!/usr/bin/env bash
# Checks the msw peer range of @vbem/mock and @vbem/conformance: installs the given msw versions
# (needs the npm registry) into a scratch folder beside the built packages and runs the
# conformance suite against the built-in fake with each. Run `pnpm build` first.
# usage: bash .ci/check-msw-range.sh 2.11.0 2.15.0
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
echo '{ "name": "msw-range", "private": true, "type": "module" }' > package.json
cat > run.mjs <<'JS'
import { runConformance } from '@vbem/conformance';
const { default: msw } = await import('msw/package.json', { with: { type: 'json' } });
const report = await runConformance({ sample: 1 });
console.log(`msw ${msw.version}: ${report.summary.passed} passed, ${report.summary.failed} failed`);
process.exitCode = report.summary.failed > 0 ? 1 : 0;
JS
for version in "$@"; do
  rm -rf node_modules/@vbem
  npm install --no-save --ignore-scripts --no-audit --no-fund --loglevel=error \
    ajv@8.20.0 ajv-formats@3.0.1 fast-xml-parser@5.12.1 undici@6.29.1 xmllint-wasm@5.3.0 "msw@$version" >/dev/null
  for pair in models:packages/models client:packages/client mock:packages/mock conformance:conformance; do
    mkdir -p "node_modules/@vbem/${pair%%:*}"
    cp -r "$root/${pair#*:}/dist" "$root/${pair#*:}/package.json" "node_modules/@vbem/${pair%%:*}/"
    if [ -d "$root/${pair#*:}/schemas" ]; then cp -r "$root/${pair#*:}/schemas" "node_modules/@vbem/${pair%%:*}/"; fi
  done
  node run.mjs || echo "msw $version: FAILED"
done
