# Sourced by measure-start.sh and measure-start-pairs.sh: a display of their own, a process's CPU,
# waiting for a window by title, and the summaries they print. Needs Xvfb and xdotool.

now() { date +%s%N; }
seconds() { awk -v n="$1" 'BEGIN { printf "%.3f", n / 1e9 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] }'; }
summary() { # min median max of the numbers on stdin
  sort -n | awk '{ v[NR] = $1 } END { printf "min %.2f  median %.2f  max %.2f  (n=%d)\n", v[1], v[int((NR + 1) / 2)], v[NR], NR }'
}

# start_display: an Xvfb at 1920x1080 on a display number no other X server holds (a clash made
# "the window" of another server's app be found at once), in $display; stop_display ends it
start_display() {
  local n
  for _ in $(seq 1 50); do
    n=$((600 + RANDOM % 300))
    [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]] || break
  done
  display=":$n"
  Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
}
stop_display() { kill "$xvfb_pid" 2>/dev/null || true; }

# CPU seconds (user + system, all threads) a process has used so far: unlike the wall clock,
# hardly changed by other work on a shared machine
ticks_per_second=$(getconf CLK_TCK)
cpu_seconds() { awk -v hz="$ticks_per_second" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"; }

await_window() { # await_window PID TITLE-REGEX: returns once a visible window's title matches
  until DISPLAY=$display xdotool search --onlyvisible --name "$2" >/dev/null 2>&1; do
    sleep 0.01
    kill -0 "$1" 2>/dev/null || { echo "the window never showed" >&2; return 1; }
  done
}
