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
npx tsc --noEmit -p renderer/tsconfig.json
echo "== unit + integration tests (real git, go, ssh, nginx, sshd, Secret Service)"
npx vitest run
echo "== end-to-end: browser mode in Debian's Chromium (the renderer is built first)"
npx vitest run --config vitest.e2e.config.ts
