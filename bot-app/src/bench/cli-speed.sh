#!/usr/bin/env bash
# The command line's speed, as a user meets it: whole-process times (start to exit) of botconfig commands, each the
# median of N runs, beside the AWS CLI's `aws dynamodb scan` of the same table on the same server in the same run
# (the tool an admin would use instead). Prints a Markdown table (docs/performance.md, "The command line").
#
#   bot-app/src/bench/cli-speed.sh [RUNS] [UNPACKED_DISTRIBUTION_DIR]
#
# Needs: the built jar (bin/botconfig builds it), tools/dynalite installed (npm ci --prefix tools/dynalite), the AWS
# CLI on PATH (~/.pyenv/shims is searched too). It starts its own dynalite on a free 127.0.0.1 port with 20 tracked
# channels; the embedded-store rows use the checkout's own data/ (a table botconfig-speed, deleted at the end).
# Both wall time (what a user waits) and CPU time (user + system: what the process costs, and what the wall time
# would be on an idle machine) are reported, as the machine may be shared.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
runs=${1:-7}
dist=${2:-}
PATH="$PATH:$HOME/.pyenv/shims"
command -v aws >/dev/null || { echo "cli-speed: the AWS CLI (aws) is needed as the reference" >&2; exit 1; }
table=botconfig-speed
botconfig="$repo/bin/botconfig"
"$botconfig" --version >/dev/null 2>&1 # builds the jar and its class-data archive on first use

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
node "$repo/tools/dynalite/node_modules/dynalite/cli.js" --host 127.0.0.1 --port "$port" --createTableMs 0 \
  --deleteTableMs 0 >/dev/null 2>&1 &
server=$!
endpoint="http://127.0.0.1:$port"
cleanup() {
  kill "$server" 2>/dev/null || true
  if [ -f "$repo/data/dynalite.address" ]; then
    AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local aws dynamodb delete-table --table-name "$table" \
      --endpoint-url "$(head -1 "$repo/data/dynalite.address")" --region us-east-1 >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1
"$botconfig" --endpoint "$endpoint" --table "$table" table create >/dev/null
"$botconfig" --table "$table" table create >/dev/null # the embedded store's, for its rows
for c in $(seq 1 20); do
  for where in "--endpoint $endpoint" ""; do
    # shellcheck disable=SC2086
    "$botconfig" $where --table "$table" channels set --guild 1 --channel "$c" --threshold "$c" >/dev/null
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); printf "%.2f", (NR % 2) ? v[m] : (v[m] + v[m + 1]) / 2 }'; }

reference_wall=""
reference_cpu=""
row() {
  local label=$1
  shift
  local times
  times=$(mktemp)
  "$@" >/dev/null 2>&1 || { echo "cli-speed: '$*' failed:" >&2; "$@" >&2 || true; exit 1; } # warm the caches
  for _ in $(seq "$runs"); do
    { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>&1; } 2>>"$times"
  done
  local wall cpu
  wall=$(awk '{ print $1 }' "$times" | median)
  cpu=$(awk '{ print $2 + $3 }' "$times" | median)
  rm -f "$times"
  [ -n "$reference_wall" ] || reference_wall=$wall
  [ -n "$reference_cpu" ] || reference_cpu=$cpu
  printf '| %s | %s s | %s s | %s | %s |\n' "$label" "$wall" "$cpu" \
    "$(awk -v a="$wall" -v b="$reference_wall" 'BEGIN { printf "%.2f×", a / b }')" \
    "$(awk -v a="$cpu" -v b="$reference_cpu" 'BEGIN { printf "%.2f×", a / b }')"
}

echo "Medians of $runs whole-process runs; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start;"
echo "$(java -version 2>&1 | head -1); $(aws --version 2>&1 | cut -d' ' -f1,2)."
echo
echo "| command | wall | CPU (user + sys) | wall ÷ aws | CPU ÷ aws |"
echo "|---|---|---|---|---|"
row "\`aws dynamodb scan\` (reference, Python)" aws dynamodb scan --table-name "$table" --endpoint-url "$endpoint"
row "\`bin/botconfig channels list\`, same server" "$botconfig" --endpoint "$endpoint" --table "$table" channels list
row "\`bin/botconfig channels list --json\`, same server" "$botconfig" --endpoint "$endpoint" --table "$table" channels list --json
row "\`bin/botconfig channels show\`, same server" "$botconfig" --endpoint "$endpoint" --table "$table" channels show --channel 1
row "\`bin/botconfig settings show\`, same server" "$botconfig" --endpoint "$endpoint" --table "$table" settings show --guild 1
row "\`bin/botconfig table verify\`, same server" "$botconfig" --endpoint "$endpoint" --table "$table" table verify
row "\`bin/botconfig doctor\`, same server" "$botconfig" --endpoint "$endpoint" --table "$table" doctor
row "\`bin/botconfig --version\`" "$botconfig" --version
row "\`bin/botconfig channels list\`, embedded store" "$botconfig" --table "$table" channels list
row "\`bin/botconfig settings show\`, embedded store" "$botconfig" --table "$table" settings show --guild 1
if [ -n "$dist" ]; then
  mkdir -p "$dist/tools/dynalite"
  [ -e "$dist/tools/dynalite/node_modules" ] || ln -s "$repo/tools/dynalite/node_modules" "$dist/tools/dynalite/node_modules"
  "$dist/bin/botconfig" --table "$table" table create >/dev/null
  for c in $(seq 1 20); do
    "$dist/bin/botconfig" --table "$table" channels set --guild 1 --channel "$c" --threshold "$c" >/dev/null
  done
  row "distribution \`channels list\`, same server" "$dist/bin/botconfig" --endpoint "$endpoint" --table "$table" channels list
  row "distribution \`settings show\`, same server" "$dist/bin/botconfig" --endpoint "$endpoint" --table "$table" settings show --guild 1
  row "distribution \`doctor\`, same server" "$dist/bin/botconfig" --endpoint "$endpoint" --table "$table" doctor
  row "distribution \`--version\`" "$dist/bin/botconfig" --version
  row "distribution \`channels list\`, embedded store" "$dist/bin/botconfig" --table "$table" channels list
  if [ -f "$dist/data/dynalite.address" ]; then
    kill "$(sed -n 2p "$dist/data/dynalite.address")" 2>/dev/null || true
  fi
fi
