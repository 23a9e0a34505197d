#!/usr/bin/env bash
# Checks what build-installers.sh made as a user gets it: the .deb is unpacked into a scratch
# root (dpkg -x, no root rights, nothing touched outside target/) and the installed launcher is
# run through the /usr/bin link. Run by `mvn -B -Pinstaller package`; prints one line a check
# and exits 1 on the first failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

name=threadstage
say() { printf 'check-installed: %s\n' "$*"; }
fail() { say "FAILED: $*"; exit 1; }

image=target/dist/$name
[[ -x $image/bin/$name ]] || fail "no app image at $image"
if ls "$image"/lib/app "$image"/lib/app/lib | grep -Ei 'monocle|junit|testfx|archunit|opentest4j|jmh'; then
  fail "the image holds a test library (above)"
fi
image_mib=$(du -sm "$image" | cut -f1)
say "ok: app image, $image_mib MiB, no test library"

deb=$(ls target/dist/${name}_*.deb 2>/dev/null | head -1 || true)
if [[ -z $deb ]]; then
  say "no .deb (no dpkg-deb on this machine): the image alone was checked"
  exit 0
fi
root=target/installer/installed-root
rm -rf "$root"
dpkg -x "$deb" "$root"
say "ok: $deb unpacked into $root ($(du -sm "$deb" | cut -f1) MiB)"

# What the window needs from the system is declared
depends=$(dpkg-deb --field "$deb" Depends)
for package in libgtk-3-0 libgl1 libx11-6 libxtst6 libxxf86vm1; do
  grep -q "\b$package\b" <<<"$depends" || fail "Depends lacks $package: $depends"
done
say "ok: Depends names GTK 3, OpenGL and the X11 libraries"

# Every file belongs under the app's folder or a place the desktop reads; nothing else
stray=$(dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' \
  | grep -Ev "^/(opt/$name|usr/bin/$name|usr/share/applications/$name\.desktop|usr/share/mime/packages/$name\.xml|usr/share/icons/hicolor(/[^/]+/apps/$name\.(png|svg))?)(/|$)" \
  | grep -Ev '^/((opt|usr|usr/bin|usr/share|usr/share/applications|usr/share/mime|usr/share/mime/packages|usr/share/icons|usr/share/icons/hicolor(/[^/]+(/apps)?)?)/?)?$' || true)
[[ -z $stray ]] || fail "files outside the app's places: $stray"
say "ok: the package's files are /opt/$name, /usr/bin/$name, the desktop entry, icons and MIME type"

launcher=$root/usr/bin/$name
[[ -L $launcher ]] || fail "/usr/bin/$name is not a link"
[[ -x $launcher ]] || fail "/usr/bin/$name does not lead to an executable launcher"

# The desktop entry and its icon
desktop=$root/usr/share/applications/$name.desktop
[[ -f $desktop ]] || fail "no desktop entry"
grep -qx "Exec=$name %f" "$desktop" || fail "the desktop entry does not start $name"
grep -qx "Icon=$name" "$desktop" || fail "the desktop entry names no icon"
grep -q "^MimeType=.*application/x-threadstage-scenario;" "$desktop" || fail "the desktop entry opens no scenario"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop" || fail "desktop-file-validate"; fi
for icon in 48x48/apps/$name.png 256x256/apps/$name.png scalable/apps/$name.svg; do
  [[ -s $root/usr/share/icons/hicolor/$icon ]] || fail "no icon hicolor/$icon"
done
grep -q 'glob pattern="\*.threadstage.json"' "$root/usr/share/mime/packages/$name.xml" || fail "no scenario file type"
say "ok: desktop entry, icons and the scenario file type are in place"

# The launcher is the whole program: output and exit codes as the jar's
out=$("$launcher" lessons) || fail "lessons exited $?"
grep -q $'^producer-consumer\t' <<<"$out" || fail "lessons does not list producer-consumer: $out"
say "ok: threadstage lessons ($(wc -l <<<"$out") lessons, exit 0)"

expected=$'Consumer uploaded report.pdf\nConsumer uploaded photo.jpg\nConsumer uploaded notes.txt\nConsumer uploaded slides.key\nmain: every job was uploaded'
set +e
out=$("$launcher" run lesson:producer-consumer 2>target/installer/run.stderr); status=$?
set -e
[[ $status == 0 ]] || fail "run lesson:producer-consumer exited $status: $(cat target/installer/run.stderr)"
[[ $out == "$expected" ]] || fail "run lesson:producer-consumer printed: $out"
[[ ! -s target/installer/run.stderr ]] || fail "run printed on stderr: $(cat target/installer/run.stderr)"
say "ok: threadstage run lesson:producer-consumer (its five lines, nothing on stderr, exit 0)"

# pictures are drawn without a display or a toolkit: no DISPLAY, and no test library in the image
rm -f target/installer/gil.png
env -u DISPLAY "$launcher" run lesson:gil --png target/installer/gil.png >/dev/null 2>target/installer/png.stderr \
    || fail "run --png without a display exited $?: $(cat target/installer/png.stderr)"
[[ "$(head -c 8 target/installer/gil.png | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] \
    || fail "run --png wrote no PNG"
say "ok: threadstage run lesson:gil --png draws with no display"

printf '{"format": "threadstage/1", "main": [{"sleeep": 1}]}\n' > target/installer/broken.threadstage.json
set +e
"$launcher" check target/installer/broken.threadstage.json >/dev/null 2>&1; status=$?
set -e
[[ $status == 2 ]] || fail "check of a broken scenario exited $status, not 2"
say "ok: threadstage check on a broken scenario exits 2"

# The start archive: postinst makes it where the package is installed (here run by hand, as
# dpkg -x runs no maintainer scripts), and the launcher uses it: -Xshare:on refuses to start otherwise
grep -q make-start-archive.sh <(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst) || fail "postinst makes no start archive"
"$root/opt/$name/lib/make-start-archive.sh" create
[[ -s $root/opt/$name/lib/app/$name.jsa ]] || fail "make-start-archive.sh made no archive"
jsa_out=$(JAVA_TOOL_OPTIONS=-Xshare:on "$launcher" check lesson:gil 2>&1) || fail "the start archive is not usable where installed: $jsa_out"
say "ok: the start archive, made where installed, serves the launcher"
# the JVM takes the launcher's options (a misspelt -XX flag would stop every start)
flags=$(JAVA_TOOL_OPTIONS=-XX:+PrintFlagsFinal "$launcher" check lesson:gil 2>/dev/null) || fail "the launcher does not start with -XX:+PrintFlagsFinal"
grep -Eq 'Tier4InvocationThreshold += 100000 ' <<<"$flags" || fail "the launcher does not delay the optimising compiler"
say "ok: the launcher starts the JVM with its options (the optimising compiler waits for hotter code)"

# The window, where a display can be made: it shows, and JavaFX does not warn about its setup
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  display=":$((500 + RANDOM % 400))"
  Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
  # a scratch home: the user's recent files, preferences and crash recovery stay untouched
  rm -rf target/installer/home && mkdir -p target/installer/home
  DISPLAY=$display JAVA_TOOL_OPTIONS="-Duser.home=$PWD/target/installer/home" \
    "$launcher" >/dev/null 2>target/installer/window.stderr &
  app_pid=$!
  shown=no
  for _ in $(seq 1 300); do
    if DISPLAY=$display xdotool search --onlyvisible --name ThreadStage >/dev/null 2>&1; then shown=yes; break; fi
    sleep 0.1
  done
  sleep 1
  # what the start printed; the SIGTERM below may race JavaFX's renderer in its shutdown, which
  # is no part of a start
  cp target/installer/window.stderr target/installer/window-start.stderr
  kill -TERM "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
  sed -i '/^Picked up JAVA_TOOL_OPTIONS/d' target/installer/window-start.stderr
  [[ $shown == yes ]] || fail "the window did not show under Xvfb: $(cat target/installer/window.stderr)"
  ! grep -q "Unsupported JavaFX configuration" target/installer/window-start.stderr || fail "JavaFX warns about its configuration"
  [[ ! -s target/installer/window-start.stderr ]] || fail "the window printed on stderr: $(cat target/installer/window-start.stderr)"
  say "ok: the window shows under Xvfb, nothing on stderr"
else
  say "no Xvfb and xdotool: the window was not opened"
fi
say "all checks passed"
