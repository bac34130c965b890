#!/usr/bin/env bash
# Starts Onramp: set-up if needed, the renderer built if it changed, then the app in browser mode
# (a loopback server; it prints the link and opens a browser when there is one). On a machine
# where the Electron binary can be fetched, `npm run electron:start` opens the desktop window.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh
stamp=dist/renderer/index.html
if [ ! -f "$stamp" ] || [ -n "$(find renderer main/common -newer "$stamp" -type f -print -quit)" ]; then
  echo "Building the interface…"
  npx vite build --config renderer/vite.config.ts --logLevel warn
fi
exec node bin/onramp.mjs web --open "$@"
