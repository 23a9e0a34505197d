#!/usr/bin/env bash
# Times the installed launcher's start, with and without its AppCDS archive, N runs each taken in
# turn (min, median, max in seconds): launch to the first window mapped under Xvfb (its opening
# screen, titled "ThreadStage"), launch to the workbench on screen (the title then names the
# scenario: "... — ThreadStage"), and `threadstage check lesson:gil`. Needs Xvfb and xdotool; docs/performance.md has the figures.
#
# usage: packaging/measure-start.sh [LAUNCHER] [RUNS]
#   LAUNCHER defaults to the app image's, target/dist/threadstage/bin/threadstage
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
launcher="${1:-target/dist/threadstage/bin/threadstage}"
runs="${2:-7}"
home="$PWD/target/measure-home" # a scratch home: no recovery question, no recent files of the user's
mkdir -p "$home"

# shellcheck source=packaging/start-timing.sh
source packaging/start-timing.sh
start_display
trap stop_display EXIT

window_once() { # prints "WALL CPU WALL CPU": launch to the window mapped, then to the workbench shown, and the CPU used by each
  local share="$1" start pid first
  start=$(now)
  DISPLAY=$display JAVA_TOOL_OPTIONS="-Xshare:$share -Duser.home=$home" "$launcher" >/dev/null 2>&1 &
  pid=$!
  await_window "$pid" ThreadStage
  first="$(seconds $(( $(now) - start ))) $(cpu_seconds "$pid")"
  await_window "$pid" '.+ThreadStage'
  echo "$first $(seconds $(( $(now) - start ))) $(cpu_seconds "$pid")"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}
check_once() { # prints "WALL CPU" of one whole check
  local share="$1" start wall
  start=$(now)
  # the shell's own children's times, before and after, give the check's CPU
  local before after me=$BASHPID
  before=$(awk '{ print $16 + $17 }' /proc/$me/stat)
  JAVA_TOOL_OPTIONS="-Xshare:$share" "$launcher" check lesson:gil >/dev/null 2>&1
  wall=$(seconds $(( $(now) - start )))
  after=$(awk '{ print $16 + $17 }' /proc/$me/stat)
  echo "$wall $(awk -v t=$((after - before)) -v hz="$ticks_per_second" 'BEGIN { printf "%.3f", t / hz }')"
}

declare -A wall cpu
for _ in $(seq 1 "$runs"); do
  for share in auto off; do
    read -r w c wb cb < <(window_once $share)
    wall[window-$share]+="$w "; cpu[window-$share]+="$c "; wall[workbench-$share]+="$wb "; cpu[workbench-$share]+="$cb "
    read -r kw kc < <(check_once $share); wall[check-$share]+="$kw "; cpu[check-$share]+="$kc "
    # each run as it comes, so a long series on a busy machine shows progress
    echo "  -Xshare:$share  window $w / $c  workbench $wb / $cb  check $kw / $kc  (wall / cpu s)" >&2
  done
done
echo "launcher: $launcher, $runs runs each, load average $(cut -d' ' -f1-3 /proc/loadavg), seconds"
for key in window-auto window-off workbench-auto workbench-off check-auto check-off; do
  label=${key/-auto/, with the archive}; label=${label/-off/, without (-Xshare:off)}
  printf '%-34s wall ' "$label"; tr ' ' '\n' <<<"${wall[$key]}" | sed '/^$/d' | summary
  printf '%-34s cpu  ' ""; tr ' ' '\n' <<<"${cpu[$key]}" | sed '/^$/d' | summary
done
