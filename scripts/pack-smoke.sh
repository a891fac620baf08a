#!/usr/bin/env bash
# Pack smoke test: does staffcast install and work from its npm tarball in a fresh project?
#
#   1. npm run build, npm pack into a temporary folder;
#   2. a fresh ESM project (npm init -y, type module) installs the tarball (dependencies come from
#      the npm registry, so this needs the network);
#   3. `import('staffcast')` must give the public API (requiredAgents, staffingPlan, scheduleShifts),
#      and so must `require('staffcast')` from a CommonJS file (the same module, through index.cjs);
#   4. the examples/, with '../src/index.js' replaced by 'staffcast', must type-check against the
#      package's .d.ts files and run against its dist/ (as a user's copy of them would);
#   5. `npx staffcast erlang ...` must exit 0 and print the required agents (14), and end quietly
#      (exit 0, nothing on stderr) when its stdout is closed early (`| head -1`).
# Temporary folders are removed on exit; any failure exits non-zero.
#
# Usage: scripts/pack-smoke.sh   (from anywhere; takes about a minute, mostly npm install)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/staffcast-pack-smoke.XXXXXX")"
trap 'rm -rf "$work"' EXIT
started=$SECONDS
step() { printf '[pack-smoke %3ds] %s\n' "$((SECONDS - started))" "$*"; }
fail() {
  printf 'pack-smoke: FAILED: %s\n' "$*" >&2
  exit 1
}

cd "$root"
step "build"
npm run --silent build || fail "npm run build"

step "npm pack"
tarball_name="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
tarball="$work/$tarball_name"
[[ -f "$tarball" ]] || fail "npm pack did not write $tarball"
if tar -tzf "$tarball" | grep -qE '^package/(src|test|node_modules)/'; then
  fail "the tarball holds src/, test/ or node_modules/"
fi
listing="$(tar -tzf "$tarball")"
for file in LICENSE index.cjs dist/index.js; do
  grep -qx "package/$file" <<<"$listing" || fail "the tarball lacks $file"
done

step "fresh project: npm install $tarball_name"
project="$work/project"
mkdir "$project"
cd "$project"
npm init -y >/dev/null
npm pkg set type=module
npm install --no-audit --no-fund --loglevel=error "$tarball"

step "import('staffcast')"
node --input-type=module -e "
  const where = import.meta.resolve('staffcast');
  if (!where.includes('/project/node_modules/staffcast/')) { console.error('staffcast resolved to ' + where); process.exit(1); }
  const m = await import('staffcast');
  for (const name of ['requiredAgents', 'queueMetrics', 'staffingPlan', 'scheduleShifts', 'readHistoryCsv']) {
    if (typeof m[name] !== 'function') { console.error('staffcast does not export function ' + name); process.exit(1); }
  }
  const agents = m.requiredAgents({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 },
    { serviceLevel: 0.8, thresholdSeconds: 20 }).agents;
  if (agents !== 14) { console.error('requiredAgents gave ' + agents + ', expected 14'); process.exit(1); }
" || fail "import('staffcast')"

step "require('staffcast') from CommonJS"
cat >require-check.cjs <<'JS'
const where = require.resolve('staffcast');
if (!where.includes('/project/node_modules/staffcast/')) throw new Error('staffcast resolved to ' + where);
const m = require('staffcast');
for (const name of ['requiredAgents', 'queueMetrics', 'staffingPlan', 'scheduleShifts', 'readHistoryCsv']) {
  if (typeof m[name] !== 'function') throw new Error('staffcast does not export function ' + name);
}
const agents = m.requiredAgents({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 },
  { serviceLevel: 0.8, thresholdSeconds: 20 }).agents;
if (agents !== 14) throw new Error('requiredAgents gave ' + agents + ', expected 14');
JS
node require-check.cjs || fail "require('staffcast')"

step "examples as user code: type-check and run against the package"
mkdir examples data
cp "$root/data/us_bank_calls_5min.csv" data/
for file in "$root"/examples/*.ts; do
  sed "s#'\.\./src/index\.js'#'staffcast'#" "$file" >"examples/$(basename "$file")"
done
if grep -l "src/index" examples/*.ts; then fail "an example still imports from src/"; fi
cat >tsconfig.json <<JSON
{
  "compilerOptions": {
    "target": "ES2022", "lib": ["ES2023"], "module": "NodeNext", "moduleResolution": "NodeNext",
    "strict": true, "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true,
    "verbatimModuleSyntax": true, "skipLibCheck": true, "noEmit": true,
    "typeRoots": ["$root/node_modules/@types"], "types": ["node"]
  },
  "include": ["examples"]
}
JSON
"$root/node_modules/.bin/tsc" -p tsconfig.json || fail "the examples do not type-check against the package"
for file in examples/*.ts; do
  "$root/node_modules/.bin/tsx" "$file" >"$work/example.out" || fail "$file exited non-zero"
  [[ -s "$work/example.out" ]] || fail "$file printed nothing"
done

step "npx staffcast erlang --calls 100 --interval 30 --aht 180 --sl 80/20"
out="$(npx --no-install staffcast erlang --calls 100 --interval 30 --aht 180 --sl 80/20)" ||
  fail "npx staffcast erlang exited non-zero"
printf '%s\n' "$out" | head -n 3
grep -q 'required agents: 14' <<<"$out" || fail "npx staffcast erlang did not print 'required agents: 14'"

step "npx staffcast forecast ... | head -1 ends quietly"
# 28 days with quantiles is about 270 KB of CSV, more than a pipe holds: the run meets the closed pipe
cp "$root/data/us_bank_calls_5min.csv" history.csv
set +o pipefail
first="$(npx --no-install staffcast forecast history.csv --horizon 28 --quantiles 0.1,0.5,0.9 \
  --tz America/New_York 2>"$work/pipe.err" | head -n 1; printf '%s' "${PIPESTATUS[0]}" >"$work/pipe.code")"
set -o pipefail
[[ "$first" == interval_start,* ]] || fail "forecast | head -1 printed '$first'"
[[ "$(cat "$work/pipe.code")" == 0 ]] || fail "forecast | head -1 exited $(cat "$work/pipe.code")"
if grep -qE 'EPIPE|Error|    at ' "$work/pipe.err"; then
  fail "forecast | head -1 printed an error: $(grep -m 3 -E 'EPIPE|Error|    at ' "$work/pipe.err")"
fi

step "OK"
