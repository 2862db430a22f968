#!/usr/bin/env bash
# The CPU-hog proof of issue 27: each test file that times something, run N times in a row (default
# 5) while scripts/cpu-hog.mjs keeps two busy loops going beside it. Prints one line per run
# (file, run, pass/fail, seconds) and a summary; exits 1 if any run failed. SQLite always; MariaDB
# too when MYSQL_URL is set (as in every other test run).
#   MYSQL_URL=mysql://… bash scripts/hog-proof.sh [runs=5] [test files…]
# Without files: the timing files listed below. Logs of failed runs are kept in $HOG_LOG_DIR
# (default a temporary folder, printed at the end).
set -uo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-5}
shift || true
FILES=("$@")
if [ ${#FILES[@]} -eq 0 ]; then
  FILES=(
    test/accounts.test.ts                       # login timing ratio (steadyRatio)
    test/security/f05-login-enumeration.test.ts # login timing ratios, panel and client area
    test/accountSecurity.http.test.ts           # Stripe hanging: answered within a bound
    test/impersonation.http.test.ts             # the 60 s link, the 60 min window
    test/importJobs.test.ts                     # job polling, lease, stop bound
    test/importKill.test.ts                     # kill -9 at about half, resumed after the lease
    test/outbox.test.ts                         # outbox kill, lease, SIGTERM
    test/outboxPause.test.ts                    # pause, probe, stop bounds
    test/gracefulStop.test.ts                   # SIGTERM answered within a bound
    test/galeraNodes.test.ts                    # node switch within a bound (MariaDB)
    test/databaseOutage.test.ts                 # connections killed for a while (MariaDB)
    test/security/f10-import-bounded-reading.test.ts # a bad upload refused within a bound
  )
fi
LOG_DIR=${HOG_LOG_DIR:-$(mktemp -d -t hog-proof-XXXXXX)}
mkdir -p "$LOG_DIR"

node scripts/cpu-hog.mjs 2 "${HOG_MINUTES:-240}" >"$LOG_DIR/cpu-hog.log" 2>&1 &
HOG=$!
trap 'kill "$HOG" 2>/dev/null; wait "$HOG" 2>/dev/null' EXIT
sleep 1

failed=0
summary=()
for file in "${FILES[@]}"; do
  passes=0
  for run in $(seq 1 "$RUNS"); do
    log="$LOG_DIR/$(basename "$file" .ts).$run.log"
    start=$(date +%s)
    if node --experimental-vm-modules node_modules/jest/bin/jest.js "$file" >"$log" 2>&1; then
      result=pass
      passes=$((passes + 1))
      rm -f "$log"
    else
      result=FAIL
      failed=1
    fi
    echo "$file run $run/$RUNS: $result in $(($(date +%s) - start)) s (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  summary+=("$file: $passes/$RUNS passed")
done

echo "== beside two busy loops, $RUNS runs each (databases: sqlite${MYSQL_URL:+ and MariaDB})"
printf '%s\n' "${summary[@]}"
[ "$failed" -eq 0 ] || echo "logs of the failed runs: $LOG_DIR"
exit "$failed"
