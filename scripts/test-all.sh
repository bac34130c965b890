#!/usr/bin/env bash
# Every test: house rules (lint, layering, format), types, then the suites.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh
echo "== lint (layering rules, format)"
npx eslint .
npx prettier --check "**/*.{ts,tsx,mjs,json}" --log-level warn
echo "== typecheck"
npx tsc --noEmit -p tsconfig.json
echo "== unit + integration tests (real git, go, ssh)"
npx vitest run
