#!/usr/bin/env bash
# Builds bot-app/target/botconfig-<version>.tar.gz: the application jars, bin/botconfig, and a Java runtime made by
# jlink with only the modules the application needs (jdeps finds them). `mvn package` runs it (exec-maven-plugin,
# bot-app/pom.xml) once the jar and its dependencies are in target/. Needs a JDK with jmods/, and GNU tar.
#
#   make-distribution.sh <JDK home> <bot-app/target> <version> <tools/dynalite>
set -euo pipefail

jdk=$1
target=$2
version=$3
dynalite=$4
src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
name=botconfig-$version
dist=$target/dist/$name

# Modules reached only through reflection or service loading, which jdeps cannot see:
#   java.xml       Logback reads logback.xml at start (its configurator is found through ServiceLoader)
#   jdk.crypto.ec  elliptic-curve TLS: Discord's and AWS's endpoints negotiate ECDHE / X25519 and refuse without it
extra=java.xml,jdk.crypto.ec

if [ ! -d "$jdk/jmods" ]; then
  echo "make-distribution: $jdk has no jmods/ directory, which jlink needs: install the JDK's jmods (Debian:" \
    "apt-get install openjdk-17-jmods) or build with a JDK that ships them (Temurin) as JAVA_HOME;" \
    "-Dbotconfig.distribution.skip builds without the distribution" >&2
  exit 1
fi
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")

rm -rf "$target/dist"
mkdir -p "$dist/bin" "$dist/lib" "$dist/tools/dynalite"

# Exactly the jars the application jar's manifest names: target/lib may still hold jars of earlier builds.
cp "$target/botconfig.jar" "$dist/"
manifest=$(mktemp -d)
trap 'rm -rf "$manifest"' EXIT
(cd "$manifest" && "$jdk/bin/jar" xf "$dist/botconfig.jar" META-INF/MANIFEST.MF)
classpath=$(tr -d '\r' < "$manifest/META-INF/MANIFEST.MF" \
  | awk '/^ / { line = line substr($0, 2); next } { if (line != "") print line; line = $0 } END { print line }' \
  | sed -n 's/^Class-Path: //p')
for jar in $classpath; do
  cp "$target/$jar" "$dist/lib/"
done

modules=$("$jdk/bin/jdeps" -q --multi-release "$feature" --ignore-missing-deps --print-module-deps \
  --class-path "$dist/lib/*" "$dist/botconfig.jar"),$extra
echo "make-distribution: runtime modules: $modules"

# jlink is the slow step: its image is kept in target/runtime-image and reused while the modules and the JDK are
# the same (mvn clean starts afresh).
options="--strip-debug --no-header-files --no-man-pages --compress=2"
stamp="$modules $options $(cat "$jdk/release" | tr '\n' ' ')"
if [ ! -f "$target/runtime-image.stamp" ] || [ "$(cat "$target/runtime-image.stamp")" != "$stamp" ]; then
  rm -rf "$target/runtime-image" "$target/runtime-image.stamp"
  # shellcheck disable=SC2086 # several options on purpose
  "$jdk/bin/jlink" --add-modules "$modules" --output "$target/runtime-image" $options
  printf '%s' "$stamp" > "$target/runtime-image.stamp"
fi
cp -a "$target/runtime-image" "$dist/runtime"

cp "$src/bin/botconfig" "$dist/bin/"
chmod 755 "$dist/bin/botconfig"
# The embedded local DynamoDB stays possible: with Node.js, `npm ci --prefix tools/dynalite` installs it.
cp "$dynalite/package.json" "$dynalite/package-lock.json" "$dynalite/.npmrc" "$dist/tools/dynalite/"

tar -C "$target/dist" --owner=0 --group=0 --numeric-owner --sort=name -czf "$target/$name.tar.gz" "$name"
echo "make-distribution: $target/$name.tar.gz, $(du -k "$target/$name.tar.gz" | cut -f1) KB"
