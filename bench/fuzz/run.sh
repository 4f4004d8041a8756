#!/usr/bin/env bash
# Fuzzes the generator's input parsers with Jazzer, one target after another (bench/fuzz/README.md).
#
#   bench/fuzz/run.sh                         # every target, 10 minutes each
#   DURATION=2m bench/fuzz/run.sh siteConfig  # one target, 2 minutes
#
# A finding stops that target's campaign and is written as crash-<sha1> into the target's inputs folder,
# generator/src/test/resources/dev/pharos/fuzz/HostileInputFuzzTestInputs/<target>/, where every later
# `mvn test` replays it. Logs go to bench/fuzz/results/<target>.log (ignored by git).
set -u
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10m}
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(frontMatter markdownPipeline siteConfig synonyms uiStrings)
fi
mkdir -p bench/fuzz/results
status=0
for target in "${TARGETS[@]}"; do
  # Coverage of the libraries that read the input guides the fuzzer too, not only Pharos's own classes.
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$DURATION" \
  JAZZER_INSTRUMENTATION_INCLUDES='dev.pharos.**:com.vladsch.flexmark.**:org.jsoup.**:org.snakeyaml.**' \
    mvn -B -pl generator test -Dtest="HostileInputFuzzTest#$target" -Dsurefire.failIfNoSpecifiedTests=false \
    > "bench/fuzz/results/$target.log" 2>&1
  code=$?
  runs=$(grep -a '^Done [0-9]* runs' "bench/fuzz/results/$target.log" | tail -1)
  echo "$target: exit $code; ${runs:-no Jazzer summary (see bench/fuzz/results/$target.log)}"
  [ $code -eq 0 ] || status=1
done
exit $status
