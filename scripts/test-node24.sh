#!/usr/bin/env bash
# The supported Node LTS lines are 22 and 24 (package.json `engines`). CI's own Node may be another one, so
# this installs Node 22 and 24 from the npm registry (the `node-<os>-<cpu>` packages, the binaries the `node`
# package itself installs, at exact versions) into .node-lts/ (git-ignored), then, on each:
#   - `npm ci --dry-run` must print no EBADENGINE warning (every dependency accepts that Node);
# and on Node 24:
#   - the API tests (tests/api/) run against their own Neo4j, with the project's node_modules; all but the two
#     page-walk files (entity-date-pages, agreement-pages: 100 s of the run), which compare the compiled and the
#     field-by-field statements page by page in both directions. What they test is the Cypher, which a Node version
#     does not change; they run in npm test. The rest (HTTP chains, errors and statuses, caching, the corpus, search,
#     round trips, pagination) is what a runtime could break.
# Prints one line per step and "node24: N passed, N failed"; exits non-zero when anything fails.
#
#   bash scripts/test-node24.sh            (TEST_LOCAL_NEO4J_PORT: its Neo4j's port, 7689 by default)
set -uo pipefail
cd "$(dirname "$0")/.."
NODE22=22.23.5
NODE24=24.22.3
DIR=.node-lts
started=$SECONDS

os=$(uname -s | tr '[:upper:]' '[:lower:]')
case "$(uname -m)" in x86_64) cpu=x64 ;; aarch64 | arm64) cpu=arm64 ;; *) cpu=$(uname -m) ;; esac

# Installs node-<os>-<cpu>@<version> under $DIR/<version> and prints the folder holding its `node`.
install_node() {
  local version=$1 prefix="$DIR/$1"
  if [ "$("$prefix/bin/node" --version 2>/dev/null)" != "v$version" ]; then
    rm -rf "$prefix"
    npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-$os-$cpu@$version" >/dev/null || return 1
    mkdir -p "$prefix/bin"
    ln -sf "../node_modules/node-$os-$cpu/bin/node" "$prefix/bin/node"
  fi
  echo "$PWD/$prefix/bin"
}

failed=0
for version in $NODE22 $NODE24; do
  bin=$(install_node "$version") || { echo "node$version: could not install node-$os-$cpu@$version from the npm registry"; echo "node24: 0 passed, 1 failed"; exit 1; }
  warnings=$(PATH="$bin:$PATH" npm ci --dry-run --no-audit --no-fund 2>&1 | grep -c 'npm warn EBADENGINE')
  if [ "$warnings" -eq 0 ]; then echo "node $version: npm ci prints no EBADENGINE warning"; else
    echo "node $version: npm ci prints $warnings EBADENGINE warning lines:"
    PATH="$bin:$PATH" npm ci --dry-run --no-audit --no-fund 2>&1 | grep -A2 'EBADENGINE   package'
    failed=1
  fi
done

bin="$PWD/$DIR/$NODE24/bin"
echo "node $("$bin/node" --version): API tests (tests/api/, but the two page-walk files)"
# Its results go to test-artifacts/vitest-node24.json and projects-node24.json (TEST_ARTIFACTS_TAG,
# vitest.config.ts), so that it may run while the main suite runs (.ci/run starts both at once).
results=test-artifacts/vitest-node24.json
rm -f "$results"
# The files by name (vitest's --exclude does not reach the projects' own include lists).
mapfile -t files < <(ls tests/api/*.test.ts | grep -v -e '/entity-date-pages\.test\.ts$' -e '/agreement-pages\.test\.ts$')
PATH="$bin:$PATH" TEST_ARTIFACTS_TAG=node24 TEST_LOCAL_NEO4J_PORT="${TEST_LOCAL_NEO4J_PORT:-7689}" npx vitest run "${files[@]}"
status=$?
if [ -f "$results" ]; then
  node -e '
    const r = require(process.argv[1]);
    const broken = r.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length;
    console.log(`node24: ${r.numPassedTests} passed, ${r.numFailedTests + broken + Number(process.argv[2])} failed`);
  ' "$PWD/$results" "$failed"
else
  echo "node24: 0 passed, 1 failed"
  status=1
fi
echo "node24: took $((SECONDS - started)) s"
[ $status -eq 0 ] && [ $failed -eq 0 ]
