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

# The database servers the test suite uses (README: Tests): PostgreSQL on 127.0.0.1:5432 and MariaDB
# on 127.0.0.1:3306. Each is started if it is installed and not answering; a machine without them
# skips their tests (or, under CI=true, fails them), so nothing is installed here.
ensure_test_servers() {
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] && [ -n "$(ls /etc/postgresql)" ]; then
    if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
      echo "starting PostgreSQL" >&2
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    fi
  fi
  if [ -x /usr/sbin/mariadbd ]; then
    if ! mariadb-admin -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1; then
      echo "starting MariaDB" >&2
      start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
      for _ in $(seq 1 30); do
        mariadb-admin -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1 && break
        sleep 1
      done
    fi
  fi
}

# What jpackage needs for a .deb besides the JDK: dpkg-deb (in dpkg) and fakeroot.
ensure_deb_tools() {
  command -v fakeroot >/dev/null 2>&1 || need_apt fakeroot
  command -v dpkg-deb >/dev/null 2>&1 || need_apt dpkg
}

# What the package check needs to open the packaged window where no display is set: Xvfb and GTK. Best effort:
# without them the build's archive has the command line's classes only and smoke-test.sh says the window was
# not tried, so a machine that cannot install them still builds and checks the rest.
ensure_virtual_display() {
  if [ -z "${DISPLAY:-}" ] && ! command -v Xvfb >/dev/null 2>&1; then
    ( need_apt xvfb libgtk-3-0 ) || echo "cascade-studio: Xvfb could not be installed: the packaged window is not tried" >&2
  fi
}
