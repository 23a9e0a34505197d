#!/usr/bin/env bash
# Two installed launchers in turn, run by run (so a change in the machine's load falls on both):
# launch to the workbench on screen (the title "... — ThreadStage") under Xvfb, wall and process CPU
# in seconds, then the medians. Needs Xvfb and xdotool; docs/performance.md has the figures.
#
# usage: packaging/measure-start-pairs.sh LAUNCHER-A LAUNCHER-B [PAIRS]
set -euo pipefail
a="$1"; b="$2"; pairs="${3:-10}"
home="$(mktemp -d)" # a scratch home: no recovery question, no remembered layout
# shellcheck source=packaging/start-timing.sh
source "$(dirname "${BASH_SOURCE[0]}")/start-timing.sh"
start_display
trap 'stop_display; rm -rf "$home"' EXIT

one() { # prints "WALL CPU" of one start of launcher $1, to the workbench's title
  local start pid wall cpu
  start=$(now)
  DISPLAY=$display JAVA_TOOL_OPTIONS="-Duser.home=$home" "$1" >/dev/null 2>&1 &
  pid=$!
  await_window "$pid" '.+ThreadStage'
  wall=$(seconds $(( $(now) - start )))
  cpu=$(cpu_seconds "$pid")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  # the next start must not find this window
  while DISPLAY=$display xdotool search --name ThreadStage >/dev/null 2>&1; do sleep 0.05; done
  echo "$wall $cpu"
}

results=""
for i in $(seq 1 "$pairs"); do
  read -r wa ca < <(one "$a"); read -r wb cb < <(one "$b")
  echo "pair $i  A $wa / $ca  B $wb / $cb  (wall / cpu s)  load $(cut -d' ' -f1 /proc/loadavg)" >&2
  results+="$wa $ca $wb $cb"$'\n'
done
echo "A: $a"
echo "B: $b"
for col in 1 2 3 4; do
  name=(x "A wall" "A cpu" "B wall" "B cpu")
  printf '%s median %s\n' "${name[$col]}" "$(awk -v c=$col 'NF { print $c }' <<<"$results" | median)"
done
