#!/usr/bin/env bash
# Builds bot-app/target/botconfig-<version>.tar.gz: the application jars, bin/botconfig, the manual page, and a Java
# runtime made by jlink with only the modules the application needs (jdeps finds them), with an ahead-of-time cache of
# what commands load so that they start fast. `mvn package` runs it (exec-maven-plugin, bot-app/pom.xml) once the jar
# and its dependencies are in target/. Needs a JDK that jlink can link from, and GNU tar.
#
#   make-distribution.sh <JDK home> <bot-app/target> <version> <tools/dynalite> [<runtime JDK home>]
#
# The runtime: the JDK given last (-Dbotconfig.runtime.jdk=…), else the newest JDK of 25 or later installed beside the
# build's (its AOT cache, JEP 483/514, starts a command about twice as fast as Java 17's class-data sharing), else the
# build's own. The application stays compiled for Java 17 (--release 17) either way.
set -euo pipefail

jdk=$1
target=$2
version=$3
dynalite=$4
runtime_jdk=${5:-}
src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

feature_of() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"; }
# jlink links from jmods/, or (JDK 24+, JEP 493) from a runtime image built to allow it.
can_link() { [ -x "$1/bin/jlink" ] && { [ -d "$1/jmods" ] || [ "$(feature_of "$1")" -ge 24 ]; }; }
if [ -z "$runtime_jdk" ] || [ "$runtime_jdk" = "\${botconfig.runtime.jdk}" ]; then
  runtime_jdk=$jdk
  for candidate in "$(dirname "$jdk")"/*; do
    if [ -f "$candidate/release" ] && [ "$(feature_of "$candidate")" -ge 25 ] && can_link "$candidate" \
        && [ "$(feature_of "$candidate")" -gt "$(feature_of "$runtime_jdk")" ]; then
      runtime_jdk=$candidate
    fi
  done
fi
jdk=$runtime_jdk
name=botconfig-$version
dist=$target/dist/$name

# Modules reached only through reflection or service loading, which jdeps cannot see:
#   java.xml       Logback reads logback.xml at start (its configurator is found through ServiceLoader)
#   jdk.crypto.ec  elliptic-curve TLS: Discord's and AWS's endpoints negotiate ECDHE / X25519 and refuse without it
extra=java.xml,jdk.crypto.ec

if ! can_link "$jdk"; then
  echo "make-distribution: $jdk has no jmods/ directory, which jlink needs: install the JDK's jmods (Debian:" \
    "apt-get install openjdk-17-jmods) or build with a JDK that ships them (Temurin) as JAVA_HOME;" \
    "-Dbotconfig.distribution.skip builds without the distribution" >&2
  exit 1
fi
feature=$(feature_of "$jdk")
echo "make-distribution: runtime from $jdk (Java $feature)"

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
# Uncompressed: a compressed image is smaller but every class it loads must be inflated first, which a command's
# start pays. The base class-data archive (--generate-cds-archive) lets the JDK's own classes be mapped, not loaded.
options="--strip-debug --no-header-files --no-man-pages --generate-cds-archive"
stamp="$modules $options $(cat "$jdk/release" | tr '\n' ' ')"
if [ ! -f "$target/runtime-image.stamp" ] || [ "$(cat "$target/runtime-image.stamp")" != "$stamp" ]; then
  rm -rf "$target/runtime-image" "$target/runtime-image.stamp"
  # shellcheck disable=SC2086 # several options on purpose
  "$jdk/bin/jlink" --add-modules "$modules" --output "$target/runtime-image" $options
  printf '%s' "$stamp" > "$target/runtime-image.stamp"
fi
cp -a "$target/runtime-image" "$dist/runtime"
# jdk.httpserver brings its jwebserver launcher (Java 18+): a file server the bot has no use for.
rm -f "$dist/runtime/bin/jwebserver"

cp "$src/bin/botconfig" "$dist/bin/"
chmod 755 "$dist/bin/botconfig"

# What commands load, prepared here once (botconfig training runs the common commands against a stand-in DynamoDB):
# Java 25's AOT cache (classes loaded and linked), or on an older runtime a class-data archive. bin/botconfig uses
# whichever is there; a runtime that cannot use it (moved, changed) ignores it and starts as without.
train_home=$(mktemp -d)
if [ "$feature" -ge 25 ]; then
  "$dist/runtime/bin/java" -XX:AOTCacheOutput="$dist/lib/botconfig.aot" -Xlog:aot=error -Xlog:cds=error \
    -Dbotconfig.home="$train_home" -jar "$dist/botconfig.jar" training > "$target/aot-training.log" 2>&1 \
    || { echo "make-distribution: the AOT training run failed: $target/aot-training.log" >&2; exit 1; }
else
  # Static, without the lambda proxies: Java 17's dynamic archive crashes on this application (see bin/botconfig).
  "$dist/runtime/bin/java" -XX:DumpLoadedClassList="$target/training.classes" -Dbotconfig.home="$train_home" \
    -jar "$dist/botconfig.jar" training > "$target/aot-training.log" 2>&1 \
    || { echo "make-distribution: the class-data training run failed: $target/aot-training.log" >&2; exit 1; }
  grep -v '^@' "$target/training.classes" > "$target/training.list"
  "$dist/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$target/training.list" \
    -XX:SharedArchiveFile="$dist/lib/botconfig.jsa" -Xlog:cds=error -cp "$dist/botconfig.jar" \
    >> "$target/aot-training.log" 2>&1 \
    || { echo "make-distribution: the class-data archive failed: $target/aot-training.log" >&2; exit 1; }
fi
rm -rf "$train_home"

# The manual page, from the command line's own model (botconfig man-page).
mkdir -p "$dist/man/man1"
"$dist/runtime/bin/java" -jar "$dist/botconfig.jar" man-page > "$dist/man/man1/botconfig.1"
# The embedded local DynamoDB stays possible: with Node.js, `npm ci --prefix tools/dynalite` installs it.
cp "$dynalite/package.json" "$dynalite/package-lock.json" "$dynalite/.npmrc" "$dist/tools/dynalite/"

tar -C "$target/dist" --owner=0 --group=0 --numeric-owner --sort=name -czf "$target/$name.tar.gz" "$name"
echo "make-distribution: $target/$name.tar.gz, $(du -k "$target/$name.tar.gz" | cut -f1) KB"
