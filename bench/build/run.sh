#!/usr/bin/env bash
# Full-build time of Pharos on ../shared/corpus/cloudwego and on a 10x copy of it, with Hugo as the peer
# on the same Markdown in the same run. Results: bench/build/results/<date>.md (and .json from hyperfine).
#
#   bench/build/run.sh            # 5 runs each, after 1 warm-up
#   RUNS=10 bench/build/run.sh
#   PHAROS_JAVA_OPTS= bench/build/run.sh    # the JVM's default tiered JIT instead of C1 only
#
# Needs: Java 17+, Maven, hyperfine and hugo (apt-get install hyperfine hugo).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
corpus="$(cd "$repo/../shared/corpus/cloudwego" && pwd)"
work="$here/work"
results="$here/results"
runs="${RUNS:-5}"
# What a help-center repository made from the archetype runs with (its .mvn/jvm.config).
java_opts="${PHAROS_JAVA_OPTS--XX:TieredStopAtLevel=1}"
mkdir -p "$work" "$results"

for tool in hyperfine hugo java mvn; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install hyperfine hugo)" >&2; exit 1; }
done

jar="$repo/generator/target/pharos.jar"
if [ ! -f "$jar" ]; then
  (cd "$repo" && mvn -B -q -pl generator package -DskipTests)
fi

# The 10x corpus: ten copies of each locale's tree under c01..c10, so every page keeps its relative links.
ten="$work/cloudwego-10x"
if [ ! -f "$ten/.complete" ]; then
  rm -rf "$ten"
  for locale in en zh; do
    for i in $(seq -w 1 10); do
      mkdir -p "$ten/$locale/c$i"
      cp -r "$corpus/$locale/." "$ten/$locale/c$i/"
    done
  done
  touch "$ten/.complete"
fi

# Hugo reads the same Markdown: a two-language site whose content dirs point at the corpus, minimal layouts,
# and the Docsy shortcodes stubbed to print their inner text (as the corpus README describes).
hugo_site() {
  local name="$1" content="$2" dir="$work/hugo-$1"
  rm -rf "$dir"
  cp -r "$here/hugo-site" "$dir"
  cat > "$dir/hugo.toml" <<TOML
baseURL = "https://example.com/"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS"]
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

report="$results/$(date -u +%Y-%m-%dT%H%M%SZ).md"
{
  echo "# Build benchmark, $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | sed -n 1p); hugo $(hugo version | awk '{print $2}')"
  echo
  echo "Pharos JVM options: ${java_opts:-(none)}"
  echo
} > "$report"

for name in cloudwego cloudwego-10x; do
  content="$corpus"
  [ "$name" = cloudwego-10x ] && content="$ten"
  pages=$(find "$content" -name '*.md' | wc -l)
  hugo_dir=$(hugo_site "$name" "$content")
  out="$work/out-$name"
  hyperfine --warmup 1 --runs "$runs" --export-json "$results/$name.json" --export-markdown "$work/$name.md" \
    -n "pharos ($name, $pages files)" "java $java_opts -jar '$jar' build --source '$content' --out '$out/pharos'" \
    -n "hugo ($name, $pages files)" "hugo --quiet --source '$hugo_dir' --destination '$out/hugo'"
  {
    echo "## $name ($pages Markdown files)"
    echo
    cat "$work/$name.md"
    echo
  } >> "$report"
done

cat "$report"
echo "Written to $report"
