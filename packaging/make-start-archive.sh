#!/bin/sh
# Makes or removes the AppCDS archive of the installation this script sits in (lib/), from the
# class list the build recorded (lib/app/threadstage.classlist). JDK 17 only accepts an archive
# whose class path is where the jars were when it was dumped, so it is made where the app is
# installed: by the .deb's postinst, or by the build for the image in target/dist. Should the dump
# fail, the app simply starts without an archive.
#
# usage: make-start-archive.sh create|remove
set -e
lib=$(cd "$(dirname "$0")" && pwd)
app="$lib/app"
archive="$app/threadstage.jsa"
rm -f "$archive"
if [ "${1:-create}" = remove ]; then
  exit 0
fi
# JAVA_TOOL_OPTIONS reaches the JVM inside the native launcher; the launcher's own options name
# the same archive file, so the dump goes where every start looks for it
if ! JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/threadstage.classlist -XX:SharedArchiveFile=$archive" \
    "$lib/../bin/threadstage" >/dev/null 2>&1 || [ ! -s "$archive" ]; then
  rm -f "$archive"
  echo "threadstage: no start archive could be made; the app starts without it, only slower" >&2
fi
