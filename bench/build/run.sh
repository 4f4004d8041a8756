#!/usr/bin/env bash
# Full-build time of Pharos against Hugo on the same Markdown (../shared/corpus/cloudwego, 973 files, en + zh, and
# N-fold copies of it), each run the way a user runs it (issue 12). Per scale, hyperfine times:
#
#   pharos (launcher)       generator/target/pharos/bin/pharos build --source DIR --out DIR   (or $PHAROS_CMD)
#   java -jar pharos.jar    plain, no JVM flags: a reference row
#   hugo                    hugo --quiet, highlighting off, no taxonomies or RSS, one minimal single/list layout
#   mvn site-build          1x only: a project generated from the archetype, its content replaced by the corpus
#
# then runs each once more under /usr/bin/time for its peak RSS (the launcher run also writes --report, whose
# per-stage timings go into the report), and writes bench/build/results/<UTC time>.md (+ hyperfine's JSON).
#
#   bench/build/run.sh                        # SCALES="1 10", RUNS=5 after 1 warm-up
#   SCALES="1 10 100" bench/build/run.sh      # 100x: 97,300 files, plus a run with PHAROS_OPTS=-Xmx4g (<= 5 min?)
#   SCALES=1 RUNS=1 PHAROS_CMD="java -jar $PWD/generator/target/pharos.jar" bench/build/run.sh   # a quick smoke run
#   BEFORE_JAR=/tmp/old/pharos.jar BEFORE_LABEL=477e7f9 bench/build/run.sh   # adds an earlier build as a row
#   CORPUS=/some/dir bench/build/run.sh       # another corpus with en/ and zh/ (tests of this script)
#
# Needs: Java 17+, Maven, hyperfine, hugo, jq and GNU time (apt-get install hyperfine hugo jq time).
# Run it on an otherwise idle machine: every figure is a wall-clock time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
corpus="$(cd "${CORPUS:-$repo/../shared/corpus/cloudwego}" && pwd)"
name="$(basename "$corpus")"
work="$here/work"
results="$here/results"
runs="${RUNS:-5}"
scales="${SCALES:-1 10}"
mkdir -p "$work" "$results"

die() { echo "bench: $*" >&2; exit 1; }
note() { echo "bench: $*" >&2; }
{ [ -d "$corpus/en" ] && [ -d "$corpus/zh" ]; } || die "$corpus has no en/ and zh/ folders"

for tool in hyperfine hugo java mvn jq /usr/bin/time; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install hyperfine hugo jq time)"
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$runs'"
for n in $scales; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "SCALES lists copies of the corpus (1 10 100), not '$n'"
done

# --- Pharos: the distribution's launcher (what the README tells a user to run) and the plain jar ---------------
jar="$repo/generator/target/pharos.jar"
launcher="$repo/generator/target/pharos/bin/pharos"
if [ ! -f "$jar" ] || { [ -z "${PHAROS_CMD:-}" ] && [ ! -x "$launcher" ]; }; then
  note "building the generator (mvn -B -q -pl generator package -DskipTests)"
  (cd "$repo" && mvn -B -q -pl generator package -DskipTests)
fi
[ -f "$jar" ] || die "$jar is still missing after 'mvn -pl generator package'"
if [ -n "${PHAROS_CMD:-}" ]; then
  pharos_cmd="$PHAROS_CMD"
  pharos_name="pharos (PHAROS_CMD)"
else
  [ -x "$launcher" ] || die "the launcher $launcher is still missing after 'mvn -pl generator package';
  this checkout's generator does not build the distribution yet. Set PHAROS_CMD to measure another command, e.g.
  PHAROS_CMD=\"java -jar $jar\" $0"
  pharos_cmd="$launcher"
  pharos_name="pharos (launcher)"
fi
jar_cmd="java -jar $jar"
# With PHAROS_CMD set to the plain jar, the reference row would time the same command twice.
with_jar_row=1
[ "$pharos_cmd" = "$jar_cmd" ] && with_jar_row=0

# --- The corpus at each scale: N copies of each locale's tree under c01..cNN, so every page keeps its links ------
corpus_at() {
  local n="$1" dir
  if [ "$n" = 1 ]; then echo "$corpus"; return; fi
  dir="$work/$name-${n}x"
  if [ ! -f "$dir/.complete" ]; then
    note "copying the corpus ${n} times into $dir"
    rm -rf "$dir"
    for locale in en zh; do
      for i in $(seq -w 1 "$n"); do
        mkdir -p "$dir/$locale/c$i"
        cp -r "$corpus/$locale/." "$dir/$locale/c$i/"
      done
    done
    touch "$dir/.complete"
  fi
  echo "$dir"
}

# --- Hugo: a two-language site whose content dirs are the corpus; highlighting off, no taxonomies or RSS, one
# minimal single.html/list.html (title and content), and the Docsy shortcodes the corpus uses stubbed to print
# their inner text. ------------------------------------------------------------------------------------------------
hugo_site() {
  local content="$2" dir="$work/hugo-$1"
  rm -rf "$dir"
  cp -r "$here/hugo-site" "$dir"
  cat > "$dir/hugo.toml" <<TOML
baseURL = "https://example.com/"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.highlight]
codeFences = false
[markup.goldmark.renderer]
unsafe = true
[languages.en]
contentDir = "$content/en"
weight = 1
[languages.zh]
contentDir = "$content/zh"
weight = 2
TOML
  echo "$dir"
}

# --- mvn site-build: a project made from the archetype, as its integration test makes one (same properties),
# with its en/ and zh-CN/ replaced by the corpus's en/ and zh/. Needs the plugin in ~/.m2 (mvn install). ----------
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$repo/archetype/pom.xml" | head -1)"
project_root="$work/archetype-project"
project="$project_root/acme-help"
mvn_skip=""
mvn_log="$work/mvn-probe.log"
archetype_cmd="mvn -B -o org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate -DinteractiveMode=false \
-DarchetypeGroupId=dev.pharos -DarchetypeArtifactId=pharos-archetype -DarchetypeVersion=$version \
-DgroupId=com.example.help -DartifactId=acme-help -Dversion=1.0-SNAPSHOT -Dpackage=com.example.help \
-DsiteTitle='Acme Help' -DbaseUrl=https://help.acme.example/"
make_project() {
  rm -rf "$project_root"
  mkdir -p "$project_root"
  if ! (cd "$project_root" && eval "$archetype_cmd") > "$mvn_log" 2>&1; then
    mvn_skip="cannot generate a project from dev.pharos:pharos-archetype:$version offline (run 'mvn install' first); see $mvn_log"
    return
  fi
  rm -rf "$project/en" "$project/zh-CN"
  cp -r "$corpus/en" "$project/en"
  cp -r "$corpus/zh" "$project/zh-CN"
  # One build first: offline resolution of the plugin, and a failed build skips the row instead of the benchmark.
  if ! (cd "$project" && mvn -B -q -o site-build) >> "$mvn_log" 2>&1; then
    mvn_skip="'mvn -B -q -o site-build' failed in $project (is dev.pharos:pharos-maven-plugin:$version in ~/.m2? run 'mvn install' first); see $mvn_log"
  fi
}
if [[ " $scales " == *" 1 "* ]]; then
  make_project
  [ -n "$mvn_skip" ] && note "skipping the mvn site-build row: $mvn_skip"
fi

# --- Outputs between timed runs: moved aside, deleted when the whole benchmark is over ------------------------------
# ext4 makes folders and files slowly for five minutes after a mass deletion: its inode allocator skips inodes freed
# in the last 300 s (RECENTCY_DIRTY in fs/ext4/ialloc.c). Measured here: 23 us of CPU per mkdir on a quiet file
# system, 130-165 us within five minutes of deleting a 10x output. A build timed after `rm -rf` of the last output,
# or of the last scale's outputs, pays for that deletion; a CI machine, which deletes nothing before it builds, does
# not. So outputs are moved into $trash, and the trash is emptied at the end; only when the disk runs short is it
# emptied earlier, and then the next timing waits out the five minutes.
trash="$work/trash"
mkdir -p "$trash"
# A script, not a function: hyperfine's --prepare runs it in a shell of its own. With less than MIN_FREE_GIB (20)
# left, it empties the trash first and waits out the five minutes (100x outputs are 4.5 GB each).
cat > "$work/aside.sh" <<'SH'
#!/usr/bin/env bash
set -eu
trash="$1" path="$2"
free_gib=$(df -P -BG "$trash" | awk 'NR == 2 { sub("G", "", $4); print $4 }')
if [ "$free_gib" -lt "${MIN_FREE_GIB:-20}" ]; then
  echo "bench: only $free_gib GiB free: emptying the trash, then waiting 5 minutes (ext4)" >&2
  rm -rf "${trash:?}"/*; sync; sleep 300
fi
if [ -e "$path" ]; then mv "$path" "$trash/$(date +%s%N)"; fi
SH
chmod +x "$work/aside.sh"
aside() { printf "'%s' '%s' '%s'" "$work/aside.sh" "$trash" "$1"; }
move_aside() { "$work/aside.sh" "$trash" "$1"; }
empty_trash() { rm -rf "$trash"; sync; }
trap empty_trash EXIT

# --- Formatting helpers --------------------------------------------------------------------------------------------
secs() { awk -v s="$1" 'BEGIN { if (s == "" || s == "null") print "n/a"; else printf "%.2f s", s }'; }
mib() { awk -v k="$1" 'BEGIN { if (k == "") print "n/a"; else printf "%.0f MiB", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f×", a / b }'; }
per_page() { awk -v s="$1" -v p="$2" 'BEGIN { if (s == "" || p == 0) print "n/a"; else printf "%.2f", s * 1000 / p }'; }
thousands() { printf "%s" "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
report="$results/$stamp.md"
declare -A mean=() sd=() min=() rss=() pages=() stage=() stage_mvn=()
rows=()          # row ids in table order, set per scale
declare -A row_name=() row_cmd=() row_out=()

# --- Per scale: hyperfine, then one run each under /usr/bin/time ---------------------------------------------------
first_hugo_toml=""
for n in $scales; do
  content="$(corpus_at "$n")"
  pages[$n]=$(find "$content" -name '*.md' | wc -l)
  hugo_dir="$(hugo_site "$name-${n}x" "$content")"
  [ -n "$first_hugo_toml" ] || first_hugo_toml="$hugo_dir/hugo.toml"
  out="$work/out-$name-${n}x"
  mkdir -p "$out"

  rows=(launcher)
  row_name[launcher]="$pharos_name"
  row_out[launcher]="$out/pharos"
  row_cmd[launcher]="$pharos_cmd build --source '$content' --out '$out/pharos'"
  if [ "$with_jar_row" = 1 ]; then
    rows+=(jar)
    row_name[jar]="java -jar pharos.jar (no flags typed)"
    row_out[jar]="$out/pharos-jar"
    row_cmd[jar]="$jar_cmd build --source '$content' --out '$out/pharos-jar'"
  fi
  if [ -n "${BEFORE_JAR:-}" ]; then
    rows+=(before)
    row_name[before]="before: java -jar ${BEFORE_LABEL:-BEFORE_JAR} (no flags)"
    row_out[before]="$out/pharos-before"
    row_cmd[before]="java -jar '$BEFORE_JAR' build --source '$content' --out '$out/pharos-before'"
  fi
  rows+=(hugo)
  row_name[hugo]="hugo"
  row_out[hugo]="$out/hugo"
  row_cmd[hugo]="hugo --quiet --source '$hugo_dir' --destination '$out/hugo'"
  if [ "$n" = 1 ] && [ -z "$mvn_skip" ]; then
    rows+=(mvn)
    row_name[mvn]="mvn site-build (archetype project)"
    row_out[mvn]="$project/target"
    row_cmd[mvn]="cd '$project' && mvn -B -q -o site-build"
  fi

  # Every timed build starts without a previous output (a CI build): Pharos would delete one, Hugo would not.
  args=()
  for r in "${rows[@]}"; do
    args+=(-n "${row_name[$r]}" --prepare "$(aside "${row_out[$r]}")" "${row_cmd[$r]}")
  done
  note "scale ${n}x: ${pages[$n]} Markdown files, $runs runs after 1 warm-up"
  json="$results/$stamp-${n}x.json"
  hyperfine --warmup 1 --runs "$runs" --export-json "$json" "${args[@]}"

  i=0
  for r in "${rows[@]}"; do
    mean[$n,$r]=$(jq -r ".results[$i].mean" "$json")
    sd[$n,$r]=$(jq -r ".results[$i].stddev // empty" "$json")
    min[$n,$r]=$(jq -r ".results[$i].min" "$json")
    i=$((i + 1))
  done

  # Peak RSS, one more run each; the launcher's also writes the build report with its stage timings.
  for r in "${rows[@]}"; do
    cmd="${row_cmd[$r]}"
    if [ "$r" = launcher ]; then
      cmd="$cmd --report '$work/report-${n}x.json'"
      rm -f "$work/report-${n}x.json"
    fi
    move_aside "${row_out[$r]}"
    rm -f "$work/rss-${n}x-$r"
    /usr/bin/time -f %M -o "$work/rss-${n}x-$r" bash -c "$cmd" > "$work/run-${n}x-$r.log" 2>&1 \
      || die "$r failed at ${n}x: see $work/run-${n}x-$r.log"
    rss[$n,$r]=$(tail -1 "$work/rss-${n}x-$r")
  done
  [ -f "$work/report-${n}x.json" ] || die "$pharos_name wrote no --report at ${n}x: see $work/run-${n}x-launcher.log"
  for s in $(jq -r '.timings | keys[]' "$work/report-${n}x.json"); do
    stage[$n,$s]=$(jq -r ".timings[\"$s\"]" "$work/report-${n}x.json")
  done
  if [ "$n" = 1 ] && [ -z "$mvn_skip" ] && [ -f "$project/target/pharos-report.json" ]; then
    for s in $(jq -r '.timings | keys[]' "$project/target/pharos-report.json"); do
      stage_mvn[$s]=$(jq -r ".timings[\"$s\"]" "$project/target/pharos-report.json")
    done
  fi
done

# --- One article edited, the build cache kept between builds (CI with actions/cache) ------------------------------
# Each timed run appends a sentence to the same article, then builds into an empty folder with the cache of the
# run before; afterwards the last output is compared with a build of the same text without the cache.
declare -A inc_mean=() inc_sd=() inc_same=()
inc_scales="${INCREMENTAL_SCALES:-$(echo "$scales" | tr ' ' '\n' | grep -vx 100 | tr '\n' ' ')}"
for n in $inc_scales; do
  src="$work/edit-$name-${n}x"
  cache="$work/edit-$name-${n}x-cache"
  out="$work/out-$name-${n}x/pharos-edit"
  for old in "$src" "$cache" "$out" "$out-nocache"; do move_aside "$old"; done
  cp -r "$(corpus_at "$n")" "$src"
  article="$(find "$src/en" -name '*.md' ! -name '_index.md' | LC_ALL=C sort | sed -n 1p)"  # sed reads on: head would break the pipe (pipefail)
  build="$pharos_cmd build --source '$src' --out '$out' --cache '$cache'"
  note "${n}x, one article edited ($article), cache kept: $build"
  bash -c "$build" > "$work/edit-${n}x.log" 2>&1 || die "the cached build failed at ${n}x: see $work/edit-${n}x.log"
  json="$results/$stamp-${n}x-edit.json"
  hyperfine --runs "$runs" --export-json "$json" -n "$pharos_name, one article edited, cache kept" \
    --prepare "$(aside "$out") && echo \"Edited at \$(date +%s%N).\" >> '$article'" "$build"
  inc_mean[$n]=$(jq -r '.results[0].mean' "$json")
  inc_sd[$n]=$(jq -r '.results[0].stddev // empty' "$json")
  bash -c "$pharos_cmd build --source '$src' --out '$out-nocache' --no-cache" > /dev/null 2>&1 \
    || die "the build without the cache failed at ${n}x"
  if diff -r "$out" "$out-nocache" > "$work/edit-${n}x.diff"; then inc_same[$n]=yes; else inc_same[$n]="**no** (see $work/edit-${n}x.diff)"; fi
  move_aside "$out-nocache"
done

# --- 100x: the whole build within 5 minutes and a 4 GiB heap ---------------------------------------------------------
heap_line=""
if [[ " $scales " == *" 100 "* ]]; then
  content="$(corpus_at 100)"
  out="$work/out-$name-100x/pharos-heap"
  move_aside "$out"
  if [[ "$pharos_cmd" == "java "* ]]; then
    heap_cmd="java -Xmx4g ${pharos_cmd#java } build --source '$content' --out '$out'"
  else
    heap_cmd="PHAROS_OPTS=-Xmx4g $pharos_cmd build --source '$content' --out '$out'"
  fi
  note "100x heap check: $heap_cmd"
  status=0
  /usr/bin/time -f '%e %M' -o "$work/heap-100x" bash -c "$heap_cmd" > "$work/heap-100x.log" 2>&1 || status=$?
  read -r heap_secs heap_rss < <(tail -1 "$work/heap-100x")
  if [ "$status" != 0 ]; then
    heap_line="**FAIL**: exit status $status after $(secs "$heap_secs") (see $work/heap-100x.log)"
  elif awk -v s="$heap_secs" 'BEGIN { exit !(s <= 300) }'; then
    heap_line="pass: $(secs "$heap_secs") ≤ 300 s with a 4 GiB heap, peak RSS $(mib "$heap_rss")"
  else
    heap_line="**FAIL**: $(secs "$heap_secs") > 300 s (4 GiB heap, peak RSS $(mib "$heap_rss"))"
  fi
  move_aside "$out"
fi

# --- The report ------------------------------------------------------------------------------------------------------
{
  echo "# Build benchmark, $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; $(java -version 2>&1 | sed -n 1p);" \
    "hugo $(hugo version | awk '{print $2}'); $(mvn -v 2>/dev/null | sed -n 1p | sed 's/\x1b\[[0-9;]*m//g');" \
    "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "Pharos: commit $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- generator themes 2>/dev/null || echo ' (with uncommitted generator/theme changes)')." \
    "hyperfine: $runs runs after 1 warm-up, each build into an empty output folder."
  echo
  echo "## Configuration"
  echo
  echo "- **$pharos_name**: \`$pharos_cmd build --source DIR --out DIR\`" \
    "(PHAROS_OPTS: \`${PHAROS_OPTS:-unset}\`; JAVA_TOOL_OPTIONS: \`${JAVA_TOOL_OPTIONS:-unset}\`)"
  if [ "$with_jar_row" = 1 ]; then
    echo "- **java -jar pharos.jar**: \`$jar_cmd build --source DIR --out DIR\`, no JVM options typed; since db7db74 the" \
      "jar starts a second JVM with the launcher's options, and since 2026-12-07 maps a class-data archive its first" \
      "build made (\`PHAROS_FORK=off\` runs it on the JVM's defaults, as before)"
  else
    echo "- java -jar pharos.jar (reference): not a row of its own, PHAROS_CMD is that same command"
  fi
  if [ -n "${BEFORE_JAR:-}" ]; then
    echo "- **before** (an earlier Pharos, for today's and the new figures in one run): \`java -jar $BEFORE_JAR build --source DIR --out DIR\`${BEFORE_LABEL:+ ($BEFORE_LABEL)}"
  fi
  if [[ " $scales " == *" 1 "* ]]; then
    if [ -z "$mvn_skip" ]; then
      echo "- **mvn site-build** (1× only): \`cd acme-help && mvn -B -q -o site-build\` in a project generated with" \
        "\`$archetype_cmd\`, its \`en/\` and \`zh-CN/\` replaced by the corpus's \`en/\` and \`zh/\`;" \
        "\`.mvn/jvm.config\`: \`$(tr '\n' ' ' < "$project/.mvn/jvm.config" | sed 's/ *$//')\`;" \
        "MAVEN_OPTS: \`${MAVEN_OPTS:-unset}\`; plugin from ~/.m2," \
        "$(date -u -r "$HOME/.m2/repository/dev/pharos/pharos-generator/$version/pharos-generator-$version.jar" +'generator jar installed %Y-%m-%d %H:%M UTC' 2>/dev/null || echo 'generator jar date unknown')"
    else
      echo "- mvn site-build: **skipped**: $mvn_skip"
    fi
  fi
  echo "- **hugo**: \`hugo --quiet --source SITE --destination DIR\`; layouts:" \
    "$(cd "$here/hugo-site/layouts" && find . -type f | sed 's:^\./::' | sort | sed "s/.*/\`&\`/" | paste -sd, - | sed 's/,/, /g');" \
    "hugo.toml (contentDir is the N× copy at other scales):"
  echo
  echo '```toml'
  cat "$first_hugo_toml"
  echo '```'
  echo
  for n in $scales; do
    echo "## $name ${n}× ($(thousands "${pages[$n]}") Markdown files)"
    echo
    echo "| Tool | Mean ± σ | Min | Peak RSS | Ratio to Hugo |"
    echo "|---|---|---|---|---|"
    for r in launcher jar before mvn hugo; do
      [ -n "${mean[$n,$r]:-}" ] || continue
      sigma="${sd[$n,$r]:-}"
      if [ -n "$sigma" ]; then sigma=" ± $(secs "$sigma" | sed 's/ s$//')"; fi
      echo "| ${row_name[$r]} | $(secs "${mean[$n,$r]}")$sigma | $(secs "${min[$n,$r]}") | $(mib "${rss[$n,$r]}") |" \
        "$(ratio "${mean[$n,$r]}" "${mean[$n,hugo]}") |"
    done
    echo
  done
  if [ -n "${inc_scales// /}" ]; then
    echo "## One article edited, build cache kept (\`--cache DIR\`, output folder emptied before each run)"
    echo
    echo "| Scale | Full build ($pharos_name) | Rebuild after one edit | Share of the full build | Same bytes as a build without the cache |"
    echo "|---|---|---|---|---|"
    for n in $inc_scales; do
      sigma="${inc_sd[$n]:-}"
      if [ -n "$sigma" ]; then sigma=" ± $(secs "$sigma" | sed 's/ s$//')"; fi
      echo "| ${n}× | $(secs "${mean[$n,launcher]}") | $(secs "${inc_mean[$n]}")$sigma |" \
        "$(awk -v a="${inc_mean[$n]}" -v b="${mean[$n,launcher]}" 'BEGIN { printf "%.0f %%", 100 * a / b }') | ${inc_same[$n]} |"
    done
    echo
  fi
  echo "## Pharos stages (ms, from --report of one more run of $pharos_name)"
  echo
  header="| Stage |"
  rule="|---|"
  for n in $scales; do header="$header ${n}× |"; rule="$rule---|"; done
  if [ "${#stage_mvn[@]}" -gt 0 ]; then header="$header mvn site-build 1× |"; rule="$rule---|"; fi
  echo "$header"
  echo "$rule"
  known="load markdown render support search copy write"
  extra=$(for k in "${!stage[@]}"; do echo "${k#*,}"; done | sort -u | grep -vxE "$(echo "$known total" | tr ' ' '|')" || true)
  for s in $known $extra total; do
    line="| $s |"
    for n in $scales; do line="$line ${stage[$n,$s]:-n/a} |"; done
    if [ "${#stage_mvn[@]}" -gt 0 ]; then line="$line ${stage_mvn[$s]:-n/a} |"; fi
    echo "$line"
  done
  echo
  echo "## Cost per Markdown file (ms, mean wall-clock time / files)"
  echo
  header="| Scale | Files | $pharos_name |"
  rule="|---|---|---|"
  if [ "$with_jar_row" = 1 ]; then header="$header java -jar |"; rule="$rule---|"; fi
  echo "$header hugo | Pharos stages total / file |"
  echo "$rule---|---|"
  for n in $scales; do
    line="| ${n}× | $(thousands "${pages[$n]}") | $(per_page "${mean[$n,launcher]}" "${pages[$n]}") |"
    if [ "$with_jar_row" = 1 ]; then line="$line $(per_page "${mean[$n,jar]}" "${pages[$n]}") |"; fi
    echo "$line $(per_page "${mean[$n,hugo]}" "${pages[$n]}") |" \
      "$(per_page "$(awk -v t="${stage[$n,total]:-}" 'BEGIN { if (t != "") print t / 1000 }')" "${pages[$n]}") |"
  done
  echo
  echo "## Targets (issue 12)"
  echo
  check() { if awk "BEGIN { exit !($1) }"; then echo "pass"; else echo "**FAIL**"; fi; }
  for n in $scales; do
    case "$n" in
      1) echo "- 1×: $pharos_name at $(ratio "${mean[1,launcher]}" "${mean[1,hugo]}") of Hugo, target ≤ 2.0×:" \
           "$(check "${mean[1,launcher]} <= 2.0 * ${mean[1,hugo]}")" ;;
      10) echo "- 10×: $pharos_name at $(ratio "${mean[10,launcher]}" "${mean[10,hugo]}") of Hugo, target ≤ 1.0×:" \
            "$(check "${mean[10,launcher]} <= ${mean[10,hugo]}")"
          echo "- 10× peak RSS: $(mib "${rss[10,launcher]}") against Hugo's $(mib "${rss[10,hugo]}"), target ≤ Hugo's:" \
            "$(check "${rss[10,launcher]} <= ${rss[10,hugo]}")" ;;
      100) echo "- 100× full build, ≤ 5 min with ≤ 4 GiB heap: $heap_line" ;;
    esac
    if [ "$n" = 10 ] && [ -n "${inc_mean[10]:-}" ]; then
      echo "- 10×, one article edited with the cache kept: $(awk -v a="${inc_mean[10]}" -v b="${mean[10,launcher]}" 'BEGIN { printf "%.0f %%", 100 * a / b }') of a full build," \
        "target ≤ 10 %: $(check "${inc_mean[10]} <= 0.1 * ${mean[10,launcher]}"); same bytes as without the cache: ${inc_same[10]}"
    fi
  done
  echo
  echo "hyperfine's JSON: $(for n in $scales; do printf '%s ' "bench/build/results/$stamp-${n}x.json"; done)"
} > "$report"

cat "$report"
echo
echo "Written to $report"
