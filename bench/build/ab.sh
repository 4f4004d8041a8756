#!/usr/bin/env bash
# Two Pharos jars through the distribution's launcher, alternating build by build on the same Markdown, each build
# into a fresh folder (the previous output moved aside, deleted at the end): the before/after figure of one change.
#
#   bench/build/ab.sh BEFORE.jar AFTER.jar SOURCE_DIR [RUNS]        # RUNS timed pairs after one warm-up pair (5)
#   OPTS_BEFORE=... OPTS_AFTER=... bench/build/ab.sh A.jar A.jar DIR   # one jar, two sets of JVM options (PHAROS_OPTS)
#   EDIT=en/some/article.md bench/build/ab.sh A.jar B.jar DIR   # the edit case: before each build a line is appended
#                                                                # to that file (in DIR!), each side keeps its own cache
#
# Prints each run (wall, user, system seconds) and the mean and median of each side.
set -euo pipefail
[ $# -ge 3 ] || { sed -n 2,7p "$0"; exit 2; }
before_jar=$(realpath "$1"); after_jar=$(realpath "$2"); src=$(realpath "$3"); runs=${4:-5}
here=$(cd "$(dirname "$0")" && pwd)
launcher="$here/../../generator/src/dist/bin/pharos"
work=$(mktemp -d "${TMPDIR:-/tmp}/pharos-ab.XXXXXX")
# Deleted trees cost the file system work for a while after rm returns: flush it before timing, and after.
trap 'rm -rf "$work"; sync' EXIT
sync
for side in before after; do
  mkdir -p "$work/$side/bin" "$work/$side/lib"
  cp "$launcher" "$work/$side/bin/pharos"
  jar_var=${side}_jar
  cp "${!jar_var}" "$work/$side/lib/pharos.jar"
done
mkdir -p "$work/trash"
for i in $(seq 0 "$runs"); do
  for side in before after; do
    out="$work/out-$side"
    if [ -d "$out" ]; then mv "$out" "$work/trash/$side-$i"; fi
    opts_var=OPTS_${side^^}
    cache=()
    if [ -n "${EDIT:-}" ]; then
      echo "Edited at $(date +%s%N)." >> "$src/$EDIT"
      cache=(--cache "$work/cache-$side")
    fi
    PHAROS_OPTS="${!opts_var:-}" /usr/bin/time -f "%e %U %S" -o "$work/time" \
      "$work/$side/bin/pharos" build --source "$src" --out "$out" "${cache[@]}" > "$work/log-$side" 2>&1 \
      || { echo "$side failed:"; tail -3 "$work/log-$side"; exit 1; }
    if [ "$i" -gt 0 ]; then echo "$side $(cat "$work/time")" | tee -a "$work/results"; fi
  done
done
for side in before after; do
  grep "^$side " "$work/results" | sort -k2 -n | awk -v side="$side" '
    { wall[NR] = $2; w += $2; u += $3; s += $4 }
    END { printf "%s: %d runs, wall mean %.2f s, median %.2f s, user %.2f s, system %.2f s\n",
          side, NR, w / NR, wall[int((NR + 1) / 2)], u / NR, s / NR }'
done
