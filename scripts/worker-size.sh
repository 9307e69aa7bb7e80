#!/usr/bin/env bash
# The Worker as it would deploy (wrangler's dry run, web assets built first), and its size against
# the free plan's 3 MB gzipped limit. Used by .ci/run and .github/workflows/ci.yml.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build:web >/dev/null
size=$(npx wrangler deploy --dry-run --outdir "$(mktemp -d)" 2>&1 | grep "Total Upload")
echo "Worker bundle: ${size#*Total Upload: }"
gzip_kib=$(sed -E 's/.*gzip: ([0-9.]+) KiB.*/\1/' <<<"$size")
awk -v k="$gzip_kib" 'BEGIN { exit !(k < 3072) }' || { echo "The Worker is ${gzip_kib} KiB gzipped, over the free plan's 3 MB"; exit 1; }
