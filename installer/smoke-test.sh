#!/usr/bin/env bash
# Runs a packaged launcher the way a user would, and fails on the first answer that is wrong:
#   ./installer/smoke-test.sh [LAUNCHER]   (default: the app-image's, target/installer/cascade-studio/bin/cascade-studio)
# .ci/run calls it after building the app-image; against an installed .deb: /opt/cascade-studio/bin/cascade-studio.
# It checks --version against the pom, the cascade rules, and a plan on a demo database the launcher makes
# itself in a temporary folder (its data directory too, so the user's own is never touched).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
launcher="${1:-$here/target/installer/cascade-studio/bin/cascade-studio}"
work="$(mktemp -d)"
. "$here/installer/window.sh"
cleanup() {
  window_display_close
  rm -rf "$work"
}
trap cleanup EXIT
export CASCADE_STUDIO_HOME="$work/home"

fail() {
  echo "smoke-test: $*" >&2
  exit 1
}

# run NAME ARGS...: the launcher's output in $work/NAME.out; a non-zero exit or an empty output fails.
run() {
  local name="$1"
  shift
  local started=$SECONDS
  "$launcher" "$@" >"$work/$name.out" 2>"$work/$name.err" \
    || fail "'cascade-studio $*' exited with $?: $(head -c 2000 "$work/$name.err")"
  [ -s "$work/$name.out" ] || fail "'cascade-studio $*' printed nothing"
  echo "smoke-test: cascade-studio $* ($((SECONDS - started)) s)"
}

[ -x "$launcher" ] || fail "no launcher at $launcher"

# the project's own version (the first <version> at the project's level of pom.xml)
pom_version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$here/pom.xml" | head -n1)"
[ -n "$pom_version" ] || fail "no version found in pom.xml"
run version --version
[ "$(cat "$work/version.out")" = "Cascade Studio $pom_version" ] \
  || fail "--version printed '$(cat "$work/version.out")', the pom says $pom_version"

# Where the package carries an AppCDS archive (Linux), the launcher must be able to map it: with
# -Xshare:on the JVM refuses to start if the archive is missing or made for another path or JDK.
archive="$(dirname "$(readlink -f "$launcher")")/../lib/app/cascade-studio.jsa"
if [ -e "$(dirname "$(readlink -f "$launcher")")/../lib/app/cascade-studio.classlist" ]; then
  [ -f "$archive" ] || fail "the package has a class list but no start-up archive at $archive"
  JAVA_TOOL_OPTIONS=-Xshare:on "$launcher" --version >"$work/share.out" 2>"$work/share.err" \
    || fail "the launcher cannot map its start-up archive: $(grep -v '^Picked up' "$work/share.err" | head -c 500)"
  echo "smoke-test: the start-up archive $archive maps"
fi

run rules rules
grep -q '^| `user` | `project` | `owner_id` → `user.uid` | set to NULL |' "$work/rules.out" \
  || fail "rules printed no rule for user → project.owner_id: $(head -c 500 "$work/rules.out")"

db="jdbc:h2:file:$work/demo"
run generate generate --demo --db "$db"
run tree tree --db "$db" --depth 1
uid="$(sed -n 's/^ *customer-support-assistant *\[\([0-9a-f]*\)\]$/\1/p' "$work/tree.out")"
[ -n "$uid" ] || fail "tree shows no project customer-support-assistant: $(head -c 500 "$work/tree.out")"
run plan plan --db "$db" --table project --uid "$uid"
# The demo's support project: 31 rows deleted, 18 values in 12 rows set to NULL (README, first section).
grep -qx 'Delete 31 rows, set 18 values in 12 rows to NULL.' "$work/plan.out" \
  || fail "plan of the demo's support project does not end as the README says: $(tail -n 3 "$work/plan.out")"

# The window, where there is a display ($DISPLAY, or an Xvfb started here): opened on the demo database as a user
# opens it, closed once it shows the tree's first level. JavaFX must find its native libraries beside the jar
# (build-installer.sh puts them there): a start that copies them to ~/.openjfx/cache leaves them behind when the
# package is removed, so this start gets a home of its own and must leave it without one.
window_display :96
if [ -n "$window_display" ]; then
  mkdir -p "$work/user"
  started=$SECONDS
  window_until "$work/trace" tree-frame 0 "$work/window.out" \
    env HOME="$work/user" JAVA_TOOL_OPTIONS="-Duser.home=$work/user -Dcascade.startup.trace=$work/trace" "$launcher" --db "$db"
  grep -q '^tree-frame ' "$work/trace" 2>/dev/null \
    || fail "the window did not show the demo database's users within 60 s: $(grep -v '^Picked up' "$work/window.out" | head -c 2000)"
  [ ! -e "$work/user/.openjfx" ] || fail "JavaFX copied its native libraries to ~/.openjfx: the package has none beside its jar"
  echo "smoke-test: the window opened on the demo database and drew its users ($((SECONDS - started)) s), ~/.openjfx untouched"
else
  echo "smoke-test: no display and no Xvfb: the window was not tried"
fi
echo "smoke-test: $launcher works (version $pom_version, rules, tree and plan on a demo database)"
