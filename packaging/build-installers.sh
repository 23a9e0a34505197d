#!/usr/bin/env bash
# Builds what a user installs, into target/dist: the app image (a trimmed Java runtime with
# JavaFX as modules, the app on the class path, an AppCDS archive) and, on Linux where dpkg-deb
# exists, a .deb. Run by `mvn -B -Pinstaller package` after the jar and the copied dependencies
# (target/installer/javafx, target/installer/class-path); docs/installing.md explains each step.
#
# usage: packaging/build-installers.sh PROJECT_VERSION
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

project_version="${1:?usage: build-installers.sh PROJECT_VERSION}"
java_home="${JAVA_HOME:?JAVA_HOME must name the JDK that built the jar}"
name=threadstage
work=target/installer
image=target/dist/$name
say() { printf 'build-installers: %s\n' "$*"; }

# jpackage wants a version of numbers only; a snapshot's suffix stays in the .deb's version
numeric_version="${project_version%%-*}"
case "$(uname -s)" in
  Linux) platform=linux ;;
  Darwin) platform=mac ;;
  MINGW* | MSYS* | CYGWIN*) platform=windows ;;
  *) say "unknown platform $(uname -s)"; exit 1 ;;
esac

[[ -f target/original-$name.jar ]] || { say "no target/original-$name.jar: run through Maven (mvn -B -Pinstaller package)"; exit 1; }
rm -rf "$work/jmods" "$work/input" "$work/natives" "$work/training" target/dist
mkdir -p "$work/jmods" "$work/input/lib" "$work/natives" "$work/training"

# --- JavaFX as modules of the runtime ---------------------------------------------------------
# The Maven jars are modular but carry their native libraries as resources, which JavaFX would
# unpack into ~/.openjfx/cache on a user's first start. Rewritten as jmods, the natives go into
# the runtime's own lib folder, where JavaFX finds them when it runs as named modules, and the
# 'Unsupported JavaFX configuration' warning of a class-path JavaFX is gone.
for jar in "$work"/javafx/javafx-*.jar; do
  module=$("$java_home/bin/jar" --describe-module --file "$jar" | head -1 | sed 's/@.*//')
  classes="$work/natives/$module/classes"
  libs="$work/natives/$module/libs"
  mkdir -p "$classes" "$libs"
  (cd "$classes" && "$java_home/bin/jar" xf "$OLDPWD/$jar")
  rm -rf "$classes/META-INF/MANIFEST.MF"
  find "$classes" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dll' -o -name '*.dylib' \) -exec mv {} "$libs/" \;
  "$java_home/bin/jmod" create --class-path "$classes" --libs "$libs" "$work/jmods/$module.jmod" >/dev/null
done
ls "$work/jmods"/javafx.graphics.jmod >/dev/null

# --- the app's class path: our own classes and the libraries, never a test toolkit -------------
# our classes alone: a shaded jar here would put JavaFX on the class path beside its modules
if "$java_home/bin/jar" tf "target/original-$name.jar" | grep -q "^javafx/"; then
  say "target/original-$name.jar holds JavaFX (a shaded jar shaded again?); rebuild with mvn clean"
  exit 1
fi
cp "target/original-$name.jar" "$work/input/$name.jar"
cp "$work"/class-path/*.jar "$work/input/lib/"
if ls "$work/input" "$work/input/lib" | grep -Ei 'monocle|junit|testfx|archunit|opentest4j|jmh'; then
  say "a test library reached the installer input (above); refusing to package it"
  exit 1
fi

# --- the app image ------------------------------------------------------------------------------
platform_options=()
case "$platform" in
  linux) platform_options+=(--icon assets/icon/$name-256.png) ;;
  mac) platform_options+=(--icon assets/icon/$name.icns --mac-package-identifier io.threadstage) ;;
  # the console launcher keeps stdout and exit codes for the subcommands in cmd.exe and PowerShell
  windows) platform_options+=(--icon assets/icon/$name.ico --win-console) ;;
esac
say "jpackage: app image (jlink trims the runtime; this takes a minute)"
"$java_home/bin/jpackage" @jpackage.cfg --app-version "$numeric_version" "${platform_options[@]}"

# The runtime's native libraries keep their symbol tables (libjvm alone 4 MB of them); the
# exported symbols, all that linking needs, stay.
if [[ $platform == linux ]] && command -v strip >/dev/null; then
  find "$image/lib/runtime" -name '*.so' -exec strip --strip-unneeded {} +
fi

case "$platform" in
  linux) launcher="$image/bin/$name"; app_dir="$image/lib/app" ;;
  mac) launcher="target/dist/$name.app/Contents/MacOS/$name"; app_dir="target/dist/$name.app/Contents/app" ;;
  windows) launcher="$image/$name.exe"; app_dir="$image/app" ;;
esac
config="$app_dir/$name.cfg"

# --- AppCDS: the classes a start loads, parsed once at build time -------------------------------
# A CDS archive must match the runtime it was made with, so the image's own launcher records the
# classes that training runs load (JAVA_TOOL_OPTIONS reaches the JVM inside the native launcher).
# The list travels in the image; make-start-archive.sh dumps the archive from it where the app
# lives: here for target/dist, in the .deb's postinst for an installed copy.
# The runs get a scratch home, so the builder's recent files and crash recovery neither change
# what the window loads nor are changed by it.
training_home="$PWD/$work/training/home"
mkdir -p "$training_home"
train() { # train NAME ARGS...: one start of the image's launcher that records its classes
  local list="$work/training/$1.classlist"; shift
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list -Duser.home=$training_home" "$launcher" "$@" >/dev/null 2>&1 || true
}
train lessons lessons
train check check lesson:gil
train run run lesson:producer-consumer --speed 20
train python python lesson:producer-consumer

# The window's classes are the most of a start; they need a display. Under Xvfb the window is
# opened, left until its workbench shows (the title names the scenario only then: the first frame
# is a light opening screen titled "ThreadStage" alone), and closed by SIGTERM (the class list is
# complete by then). A second window opens a lesson and runs it: the console, the time slider
# and the thread inspector join the window only when the lesson start screen goes, and a run's
# live stage is what a teacher does next.
train_window() { # train_window NAME [ARGS...]
  local name=$1; shift
  local display=":$((90 + RANDOM % 400))" xvfb_pid app_pid shown=no
  Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
  DISPLAY=$display JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/training/$name.classlist -Duser.home=$training_home" \
    "$launcher" "$@" >/dev/null 2>&1 &
  app_pid=$!
  for _ in $(seq 1 600); do
    if DISPLAY=$display xdotool search --onlyvisible --name '.+ThreadStage' >/dev/null 2>&1; then shown=yes; break; fi
    sleep 0.1
  done
  sleep 3 # the lesson opening and its first frames (or its run), after the workbench shows
  kill -TERM "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
  [[ $shown == yes ]] && say "window trained under Xvfb ($name)" || say "the window did not show under Xvfb ($name); archive without its classes"
}
if [[ $platform == linux ]] && command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  train_window window
  train_window window-run lesson:producer-consumer --run
else
  say "no Xvfb and xdotool: the archive holds the command line's classes only (the window starts slower)"
fi

# one list, each class once, in first-seen order (the dump refuses a class listed twice with a warning)
awk '!seen[$0]++' "$work"/training/*.classlist > "$app_dir/$name.classlist"
# Every start names the archive; when it is missing or does not fit (the image moved, a jar
# changed), -Xshare:auto (the default) starts without it, and with cds logging off that never
# prints on a subcommand's stderr. The archive is mapped where it was dumped: this JDK's default
# is to relocate it on every start (for address randomisation), which for an archive of this size
# cost 0.3 s of each start here.
# The optimising compiler (C2) is asked to wait for code twenty times hotter than its default:
# a start's CSS and layout code was hot enough for it, and on two cores its compiling competed
# with the FX thread for 0.6 s of CPU; the quick compiler still compiles that code at once, and
# a run's loops reach the higher thresholds within a fraction of a second (docs/performance.md,
# "The optimising compiler later", has the start, the speed scenarios and the frames side by side).
sed -i.bak '/^\[JavaOptions\]/a\
java-options=-XX:SharedArchiveFile=$APPDIR/threadstage.jsa\
java-options=-XX:+UnlockDiagnosticVMOptions\
java-options=-XX:ArchiveRelocationMode=0\
java-options=-Xlog:cds=off,cds+dynamic=off\
java-options=-XX:Tier4InvocationThreshold=100000\
java-options=-XX:Tier4MinInvocationThreshold=12000\
java-options=-XX:Tier4CompileThreshold=300000\
java-options=-XX:Tier4BackEdgeThreshold=800000' "$config"
rm -f "$config.bak"
grep -q 'SharedArchiveFile' "$config" || { say "no [JavaOptions] in $config"; exit 1; }
install -m 0755 packaging/make-start-archive.sh "$(dirname "$app_dir")/make-start-archive.sh"
if [[ $platform == linux ]]; then
  "$(dirname "$app_dir")/make-start-archive.sh" create
fi
say "app image: $image ($(du -sh "$image" | cut -f1), of which the CDS archive $(du -sh "$app_dir/$name.jsa" 2>/dev/null | cut -f1))"

# --- the .deb ---------------------------------------------------------------------------------------
# Assembled by dpkg-deb from the image rather than by jpackage --type deb: jpackage registers its
# menu entry from maintainer scripts, so the launcher on the PATH, the desktop entry, the icons
# and the file type would be files dpkg does not know. Here each is a file of the package, the
# desktop, icon and MIME caches are refreshed by the triggers of the packages that own them, and
# removing the package leaves nothing behind.
if [[ $platform != linux ]]; then
  say "installer for $platform: see docs/installing.md (jpackage --type dmg or msi --app-image $image)"
  exit 0
fi
if ! command -v dpkg-deb >/dev/null; then
  say "no dpkg-deb: app image only"
  exit 0
fi
root="$work/deb-root"
rm -rf "$root"
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/mime/packages" \
  "$root/usr/share/icons/hicolor/scalable/apps" "$root/DEBIAN"
cp -a "$image" "$root/opt/$name"
# the archive is made on the user's machine by postinst (make-start-archive.sh says why) and
# removed by prerm, as Python packages do with their compiled files
rm -f "$root/opt/$name/lib/app/$name.jsa"
# The launcher of the installed app is a shell script that starts the runtime's java with the
# options and class path of jpackage's threadstage.cfg. jpackage 17's native launcher asks rpm
# and dpkg which package owns it on every start (two `dpkg -S` scans of the package database,
# 0.2-0.4 s each here), which alone would take the command line's start budget.
classpath=$(sed -n 's/^app.classpath=//p' "$config" | paste -sd: -)
java_options=$(sed -n 's/^java-options=//p' "$config" | paste -sd' ' -)
main_class=$(sed -n 's/^app.mainclass=//p' "$config")
[[ -n $classpath && -n $main_class ]] || { say "no class path or main class in $config"; exit 1; }
cat > "$root/opt/$name/bin/$name" <<LAUNCHER
#!/bin/sh
# Starts ThreadStage (made by packaging/build-installers.sh from lib/app/$name.cfg). The app
# folder is found through the link on the PATH and named without '..', as the start archive
# records the class path exactly.
bin=\$(dirname "\$(readlink -f "\$0")")
APPDIR="\${bin%/bin}/lib/app"
exec "\${bin%/bin}/lib/runtime/bin/java" $java_options -cp "$classpath" $main_class "\$@"
LAUNCHER
chmod 0755 "$root/opt/$name/bin/$name"
# relative, so the link also works in a folder unpacked by dpkg -x
ln -s "../../opt/$name/bin/$name" "$root/usr/bin/$name"
cp packaging/linux/$name.desktop "$root/usr/share/applications/$name.desktop"
cp packaging/linux/$name-mime.xml "$root/usr/share/mime/packages/$name.xml"
cp assets/icon/$name.svg "$root/usr/share/icons/hicolor/scalable/apps/$name.svg"
for size in 16 32 48 64 128 256 512; do
  mkdir -p "$root/usr/share/icons/hicolor/${size}x${size}/apps"
  cp "assets/icon/$name-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/$name.png"
done
chmod -R u=rwX,go=rX "$root"

# What the window loads from the system: every shared library the image's native code links,
# looked up in the build machine's package database. Each must be covered by a Depends entry,
# or the build stops, so a JavaFX or JDK update that links something new cannot ship unnoticed.
depends="$(grep -v '^#' packaging/linux/depends.txt | sed '/^$/d' | paste -sd, - | sed 's/,/, /g')"
if command -v dpkg >/dev/null && command -v objdump >/dev/null; then
  missing=()
  while read -r lib; do
    owner=$(dpkg -S "*/$lib" 2>/dev/null | head -1 | cut -d: -f1) || true
    [[ -z $owner ]] && { say "warning: no installed package provides $lib (not checked)"; continue; }
    tr ',|' '\n\n' <<<"$depends" | tr -d ' ' | grep -Fxq "$owner" || missing+=("$lib ($owner)")
  done < <(find "$root/opt/$name" -name '*.so' -exec objdump -p {} \; 2>/dev/null \
             | awk '/NEEDED/ {print $2}' | sort -u \
             | grep -v -e '^libjava\|^libjvm\|^libjli\|^libnet\|^libnio\|^libawt\|^libglass\|^libprism\|^libjavafx\|^libdecora\|^libfontmanager\|^libmlib\|^libjawt\|^libverify\|^libzip\|^libjimage\|^libmanagement')
  if (( ${#missing[@]} )); then
    say "packaging/linux/depends.txt lacks the packages of: ${missing[*]}"
    exit 1
  fi
fi
installed_kib=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
deb_version="${project_version/-SNAPSHOT/~snapshot}"
architecture=$(dpkg --print-architecture)
cat > "$root/DEBIAN/control" <<EOF
Package: $name
Version: $deb_version
Architecture: $architecture
Maintainer: ThreadStage <threadstage@users.noreply.github.com>
Installed-Size: $installed_kib
Depends: $depends
Section: education
Priority: optional
Homepage: https://github.com/threadstage/threadstage
Description: live swimlanes of Python threading lessons
 ThreadStage runs a small Python threading program, described as data, on real
 threads that follow CPython 3.11's semantics, and draws one swimlane per
 thread. The threadstage command opens the window or, with a subcommand
 (check, run, python, render, lessons), works on the command line.
EOF
printf '#!/bin/sh\nset -e\nif [ "$1" = configure ]; then\n  /opt/%s/lib/make-start-archive.sh create || true\nfi\n' "$name" > "$root/DEBIAN/postinst"
printf '#!/bin/sh\nset -e\nrm -f /opt/%s/lib/app/%s.jsa\n' "$name" "$name" > "$root/DEBIAN/prerm"
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
deb="target/dist/${name}_${deb_version}_${architecture}.deb"
if command -v fakeroot >/dev/null; then
  fakeroot dpkg-deb --build "$root" "$deb" >/dev/null
else
  dpkg-deb --root-owner-group --build "$root" "$deb" >/dev/null
fi
say ".deb: $deb ($(du -h "$deb" | cut -f1))"
