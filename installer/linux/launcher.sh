#!/usr/bin/env bash
# Cascade Studio's launcher on Linux, put in place of jpackage's by installer/build-installer.sh. It starts
# the packaged runtime with what lib/app/cascade-studio.cfg says (the options, the class path, the main
# class), as jpackage's launcher does, but without asking rpm and dpkg which package owns it: jpackage 17's
# Linux launcher runs `rpm -qf` and `dpkg -S` twice on every start, which took 0.34 s of each start here
# (README, "Installer").
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd -P)"
app="$root/lib/app"
options=()
classpath=""
main=""
while IFS= read -r line || [ -n "$line" ]; do
  line="${line//\$APPDIR/$app}"
  case "$line" in
    java-options=*) options+=("${line#java-options=}") ;;
    app.classpath=*) classpath="${line#app.classpath=}" ;;
    app.mainclass=*) main="${line#app.mainclass=}" ;;
  esac
done < "$app/cascade-studio.cfg"
exec "$root/lib/runtime/bin/java" "-Djpackage.app-path=$root/bin/cascade-studio" "${options[@]}" -cp "$classpath" "$main" "$@"
