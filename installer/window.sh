# Sourced by build-installer.sh and smoke-test.sh: the packaged window, opened as a user opens it and closed
# once it has reached a milestone of its start-up trace (-Dcascade.startup.trace, README: Start-up and speed).

# window_display XVFB_DISPLAY: sets window_display to $DISPLAY, or starts an Xvfb on XVFB_DISPLAY (1200x760, its pid
# in window_xvfb, for window_display_close); window_display stays empty where there is neither.
window_display() {
  window_display="${DISPLAY:-}"
  window_xvfb=""
  if [ -z "$window_display" ] && command -v Xvfb >/dev/null; then
    Xvfb "$1" -screen 0 1200x760x24 -nolisten tcp >/dev/null 2>&1 &
    window_xvfb=$!
    window_display="$1"
    sleep 1
  fi
}

window_display_close() {
  [ -z "${window_xvfb:-}" ] || kill "$window_xvfb" 2>/dev/null || true
  window_xvfb=""
}

# window_until TRACE MILESTONE LINGER OUTPUT COMMAND...: runs COMMAND (which writes its trace to TRACE) on
# window_display with its output in OUTPUT, until the trace has MILESTONE (at most 60 s) or the window ends, then
# LINGER seconds more, and closes it. Whether the milestone was reached: grep the trace.
window_until() {
  local trace="$1" milestone="$2" linger="$3" output="$4"
  shift 4
  DISPLAY="$window_display" "$@" >"$output" 2>&1 &
  local window=$!
  for _ in $(seq 1 600); do
    grep -q "^$milestone " "$trace" 2>/dev/null && break
    kill -0 "$window" 2>/dev/null || break
    sleep 0.1
  done
  sleep "$linger"
  kill "$window" 2>/dev/null || true
  wait "$window" 2>/dev/null || true
}
