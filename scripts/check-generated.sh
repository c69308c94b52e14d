#!/usr/bin/env bash
# Fails when the generated GraphQL types or the SQL migrations lag behind their sources: regenerates
# both and compares the files before and after. Then checks that the shipped reference geographies are
# what scripts/reference/build-geographies.ts makes of its sources (it writes nothing), and the map's
# boundaries what scripts/reference/build-maps.ts makes of ../shared/geo (where that folder is).
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot() { find api/src/generated web/src/gql migrations -type f -print0 | sort -z | xargs -0 sha1sum; }
before=$(snapshot)
graphql-codegen --config codegen.yml --silent
drizzle-kit generate --name pending >/dev/null
after=$(snapshot)
if [ "$before" != "$after" ]; then
  echo "Generated code or migrations were out of date (now regenerated; review and commit):"
  diff <(echo "$before") <(echo "$after") | grep '^[<>]' | awk '{print "  " $3}' | sort -u
  exit 1
fi
node --import tsx scripts/reference/build-geographies.ts --check --no-geojson >/dev/null
if [ -d ../shared/geo/khanh-hoa-2025/communes ]; then
  node --import tsx scripts/reference/build-maps.ts --check >/dev/null
fi
