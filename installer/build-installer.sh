#!/usr/bin/env bash
# Builds Cascade Studio's installer with jpackage (README: Installer):
#   ./installer/build-installer.sh [deb|app-image]        on Linux (default deb)
#   ./installer/build-installer.sh [msi|exe|app-image]    on Windows, in Git Bash, WiX 3 on the PATH (default msi)
#   ./installer/build-installer.sh [dmg|pkg|app-image]    on macOS (default dmg)
# The version is the jar's own (`--version`, which Maven filled in from the pom), never typed here.
# The runtime is jlink'd with only the modules the jar needs (about 125 MB instead of 183 MB), and
# carries the JDK's class-data sharing archive, which jlink leaves out.
# On Linux the launcher also maps an AppCDS archive of the application's classes: made here for
# the app-image, and by the package's postinst for the .deb (JDK 17 ties an archive to the jar's path).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/installer/ensure-tools.sh"
. "$here/installer/jvm-options.sh"
. "$here/installer/window.sh"

case "$(uname -s)" in
  Linux) os=linux; icon=installer/icon/cascade-studio.png; default=deb ;;
  Darwin) os=mac; icon=installer/icon/cascade-studio.icns; default=dmg ;;
  MINGW* | MSYS* | CYGWIN*) os=windows; icon=installer/icon/cascade-studio.ico; default=msi ;;
  *) echo "build-installer: $(uname -s) is not Linux, macOS or Windows" >&2; exit 2 ;;
esac
type="${1:-$default}"
case "$os:$type" in
  *:app-image | linux:deb | windows:msi | windows:exe | mac:dmg | mac:pkg) ;;
  *) echo "build-installer: a $type cannot be built on $os (app-image or $default)" >&2; exit 2 ;;
esac

ensure_build_tools
[ "$type" = deb ] && ensure_deb_tools
cd "$here"
[ -f target/cascade-studio.jar ] || mvn -B -q package -DskipTests
version="$(java -jar target/cascade-studio.jar --version | awk '{print $NF}')"
if ! [[ "$version" =~ ^[0-9]+(\.[0-9]+){1,2}$ ]]; then
  echo "build-installer: the jar's --version gave '$version', not a version jpackage takes" >&2
  exit 1
fi

out="target/installer"
rm -rf "$out" && mkdir -p "$out/input"
cp target/cascade-studio.jar "$out/input/"
# JavaFX's native libraries beside the jar, where JavaFX looks first: without them it copies them out of the jar
# into the user's ~/.openjfx/cache at the first start, which removing the package would leave behind (README, Installer).
natives=($(jar tf target/cascade-studio.jar | grep -E '^(lib[^/]*\.(so|dylib)|[^/]*\.dll)$' || true))
[ "${#natives[@]}" -gt 0 ] || { echo "build-installer: the jar holds no JavaFX native library" >&2; exit 1; }
(cd "$out/input" && jar xf "$here/target/cascade-studio.jar" "${natives[@]}")
# JavaFX runs from the classpath here, so its modules are not needed in the runtime image;
# java.sql (JDBC), java.naming (Hibernate), java.management, jdk.unsupported (H2/JavaFX) and the rest are.
modules="java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,java.transaction.xa,java.xml,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.zipfs"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"
# The JDK's own classes, pre-parsed (lib/server/classes.jsa): the JDK ships one, a jlink'd runtime has none.
"$out/runtime/bin/java" -Xshare:dump -Xlog:disable -Xlog:all=error:stderr >/dev/null

# JVM warnings go to standard error, never into a command's output (a --json plan is read by scripts).
java_options=(-Xmx1g "${jvm_start_options[@]}" -Xlog:disable -Xlog:all=warning:stderr)
if [ "$os" = linux ]; then
  # Silent where the archive is missing or was made for another path: then start-up is only slower.
  java_options+=('-XX:SharedArchiveFile=$APPDIR/cascade-studio.jsa' -Xlog:cds=off:stderr -Xlog:cds+dynamic=off:stderr)
fi
common=(--name cascade-studio --app-version "$version" --vendor "Cascade Studio"
        --description "Administer a GenAI Factory controller database with exact delete previews"
        --copyright "Copyright (c) 2026 Cascade Studio contributors")
image_args=("${common[@]}" --type app-image --input "$out/input" --main-jar cascade-studio.jar
            --main-class dev.cascadestudio.Main --runtime-image "$out/runtime" --dest "$out" --icon "$icon")
for option in "${java_options[@]}"; do
  image_args+=(--java-options "$option")
done
jpackage "${image_args[@]}"

# where jpackage puts the image, its launcher, the jar's folder and the runtime on each system
case "$os" in
  linux) image="$out/cascade-studio"; launcher="$image/bin/cascade-studio"; app="$image/lib/app"; runtime="$image/lib/runtime" ;;
  mac) image="$out/cascade-studio.app"; app="$image/Contents/app" ;;
  windows) image="$out/cascade-studio"; app="$image/app" ;;
esac
cp installer/LICENSE "$app/LICENSE"
if [ "$os" = linux ]; then
  # jpackage 17's Linux launcher asks rpm and dpkg which package owns it, twice on every start; this one
  # reads the same lib/app/cascade-studio.cfg and starts the same runtime without asking (installer/linux).
  install -m 0755 installer/linux/launcher.sh "$launcher"
fi

if [ "$os" = linux ]; then
  # The class list: every class a training run loads, from `tree` and `plan` on a demo database made
  # by the launcher itself (Hibernate's start-up, the engine, picocli, H2).
  training="$(mktemp -d)"
  trap 'rm -rf "$training"' EXIT
  export CASCADE_STUDIO_HOME="$training/home"
  db="jdbc:h2:file:$training/demo"
  "$launcher" generate --demo --db "$db" >/dev/null
  uid="$("$launcher" tree --db "$db" --depth 1 | sed -n 's/^ *customer-support-assistant *\[\([0-9a-f]*\)\]$/\1/p')"
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$training/tree.classlist" "$launcher" tree --db "$db" --depth 1 >/dev/null 2>&1
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$training/plan.classlist" "$launcher" plan --db "$db" --table project --uid "$uid" >/dev/null 2>&1
  # The window's classes too (JavaFX, the theme, the icons, the views): a start of the window on the same
  # database, on the display given or on an Xvfb of its own, closed once its first tree level is drawn and
  # the session is open. With the command line's classes alone the packaged window's first frame came 0.7 s
  # after the script's (2.1 s against 1.4 s, StartupBenchmark), whose archive records a real window. Without
  # a display and without Xvfb the archive has the command line's classes only.
  touch "$training/window.classlist"
  window_display :97
  if [ -n "$window_display" ]; then
    # linger 2 s: the status bar's counts and the details form, built once the database is open
    window_until "$training/trace" session-on-fx-thread 2 /dev/null env \
      JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$training/window.classlist -Dcascade.startup.trace=$training/trace" \
      "$launcher" --db "$db"
  fi
  window_display_close
  if [ ! -s "$training/window.classlist" ]; then
    echo "build-installer: no display and no Xvfb: the start-up archive holds the command line's classes only" >&2
  fi
  # one list, each line once, in the order first loaded
  awk '!seen[$0]++' "$training/window.classlist" "$training/tree.classlist" "$training/plan.classlist" > "$app/cascade-studio.classlist"
  unset CASCADE_STUDIO_HOME
fi

if [ "$type" = app-image ]; then
  if [ "$os" = linux ]; then
    # For the app-image where it lies now (moved elsewhere, it starts without the archive).
    "$runtime/bin/java" -Xmx1g -Xshare:dump -Xlog:disable -Xlog:all=error:stderr \
      -XX:SharedClassListFile="$app/cascade-studio.classlist" -XX:SharedArchiveFile="$app/cascade-studio.jsa" \
      -cp "$(cd "$app" && pwd -P)/cascade-studio.jar" >/dev/null
  fi
else
  package_args=("${common[@]}" --type "$type" --app-image "$image" --dest "$out" --license-file installer/LICENSE
                --icon "$icon")
  case "$os" in
    # installer/linux: the menu entry (cascade-studio.desktop, which --linux-shortcut asks for) and the
    # postinst/prerm that put it in /usr/share/applications and make the start-up archive, and take both away.
    linux) package_args+=(--install-dir /opt --resource-dir installer/linux --linux-shortcut
                          --linux-menu-group Development --linux-app-category devel
                          --linux-package-deps libgtk-3-0) ;;
    windows) package_args+=(--win-menu --win-menu-group "Cascade Studio" --win-shortcut --win-dir-chooser
                            --win-upgrade-uuid 6f1c0d2e-8c1b-4a8e-9d0b-2b7f3c5a9e41) ;;
    mac) package_args+=(--mac-package-identifier dev.cascadestudio --mac-package-name "Cascade Studio") ;;
  esac
  jpackage "${package_args[@]}"
fi
ls -la "$out"
