#!/usr/bin/env bash
# Records the public API of the published libraries as the baseline of the binary-compatibility check
# (japicmp, at mvn verify; docs/releasing.md): builds their jars from the working tree, copies them here,
# and names the commit they were built from in BASELINE. Run from anywhere; commit the result.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tools/api-baseline"
modules=(config-domain config-cache config-dynamodb config-dynamodb-testing)
if [[ -n "$(git -C "$root" status --porcelain -- '*.java' '*.xml')" ]]; then
  echo "record.sh: commit (or stash) your changes first: the baseline names the commit it was built from" >&2
  exit 1
fi
modules_csv=$(IFS=,; echo "${modules[*]}")
mvn -B -q -f "$root/pom.xml" -pl "$modules_csv" -am package -DskipTests -Djapicmp.skip=true
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -1)
for module in "${modules[@]}"; do
  jar=$(ls "$root/$module/target/$module-"*.jar | grep -v -e '-sources.jar$' -e '-javadoc.jar$' -e '-tests.jar$' | head -1)
  cp "$jar" "$here/$module.jar"
done
{
  echo "commit $(git -C "$root" rev-parse HEAD)"
  echo "version ${version:-unknown}"
  echo "recorded $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "modules ${modules[*]}"
} > "$here/BASELINE"
echo "Recorded the API of ${modules[*]} at $(git -C "$root" rev-parse --short HEAD) in $here; commit it."
