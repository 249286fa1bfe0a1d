# Sourced by ./cascade-studio and .ci/run: installs a JDK 17+ and Maven where they are missing
# (Debian/Ubuntu via apt-get), and the GTK library a real JavaFX window needs.
need_apt() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "cascade-studio: please install $* (no apt-get on this machine)" >&2
    exit 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null
}

java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1
}

ensure_build_tools() {
  if ! command -v javac >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
    need_apt openjdk-17-jdk-headless
  fi
  command -v mvn >/dev/null 2>&1 || need_apt maven
}

ensure_window_libraries() {
  if command -v ldconfig >/dev/null 2>&1 && ! ldconfig -p | grep -q 'libgtk-3.so.0'; then
    need_apt libgtk-3-0
  fi
}
