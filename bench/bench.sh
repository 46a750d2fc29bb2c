#!/usr/bin/env bash
# wsguard's benchmark: builds pinned corpora from the registries, then measures in one run, several rounds each,
# the medians of wsguard's wall time, throughput and peak RSS against `rg -l` of the same trigger words over the
# same files (the I/O limit) and oxlint (JS), plus one-file scans against `java -version` on the same JDK.
# It is a benchmark, not a test: it prints figures and the targets they meet, and fails only when a tool fails.
#
#   bench/bench.sh [--cache DIR] [--rounds N] [--jdk17 HOME] [--jdk25 HOME] [fetch|run|all]
#
#   fetch   install the corpora and tools into the cache (skipped when the pinned lists did not change)
#   run     measure (the corpora must have been fetched)
#   all     both (default)
#
# --cache   where corpora, tools, AOT caches and results go; default $WSGUARD_BENCH_CACHE, else
#           ${XDG_CACHE_HOME:-~/.cache}/wsguard-bench. Never inside the repository.
# --rounds  timed rounds per measurement, after one untimed warm-up round (default 5)
# --jdk17   a JDK 17 home (default: the JDK of `java` on the PATH when it is 17)
# --jdk25   a JDK 25 home (default: /usr/lib/jvm/temurin-25-jdk-amd64, or $WSGUARD_BENCH_JDK25); rows for a JDK
#           that is missing are left out
#
# Needs Linux (GNU date and GNU time), bash, npm, and ripgrep: when `rg` is missing and apt-get can run, it is
# installed from Debian's `ripgrep` package (the npm ripgrep wrappers download their binary from elsewhere at
# install time, so they are not used). oxlint comes from npm, pinned in bench/tools.
set -euo pipefail

bench_dir="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd -P "$bench_dir/.." && pwd)"
cache="${WSGUARD_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wsguard-bench}"
rounds=5
jdk17=""
jdk25="${WSGUARD_BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
command="all"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
}

while (($# > 0)); do
  case "$1" in
    --cache) cache="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --jdk17) jdk17="$2"; shift 2 ;;
    --jdk25) jdk25="$2"; shift 2 ;;
    fetch | run | all) command="$1"; shift ;;
    -h | --help) usage ;;
    *) echo "bench: unknown argument: $1" >&2; usage ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "bench: --rounds must be a positive number" >&2; exit 2; }
mkdir -p "$cache"
cache="$(cd -P "$cache" && pwd)"
case "$cache/" in
  "$repo"/*) echo "bench: the cache $cache must be outside the repository" >&2; exit 2 ;;
esac

corpus_js="$cache/corpus/js"
corpus_java="$cache/corpus/java"
tools="$cache/tools"
oxlint="$tools/node_modules/.bin/oxlint"

log() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------- fetch

# A digest of the pinned lists a corpus comes from; the corpus is rebuilt when it changes.
digest_of() { cat "$@" | cksum | cut -d' ' -f1; }

fetch_js() {
  local stamp="$cache/corpus/js.stamp" want
  want="$(digest_of "$bench_dir/corpora/js/package.json" "$bench_dir/corpora/js/package-lock.json")"
  if [[ -d "$corpus_js" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    log "JS corpus up to date: $corpus_js"
    return
  fi
  log "installing the JS corpus (npm ci --ignore-scripts) ..."
  local install="$cache/npm-js"
  rm -rf "$install" "$corpus_js" "$stamp"
  mkdir -p "$install" "$cache/corpus"
  cp "$bench_dir/corpora/js/package.json" "$bench_dir/corpora/js/package-lock.json" "$install/"
  (cd "$install" && npm ci --ignore-scripts --omit=optional --no-audit --no-fund --loglevel=error >&2)
  # laid out outside any node_modules folder, as an audit of a monorepo would see the sources
  mv "$install/node_modules" "$corpus_js"
  rm -rf "$install"
  printf '%s\n' "$want" >"$stamp"
}

fetch_java() {
  local stamp="$cache/corpus/java.stamp" want
  want="$(digest_of "$bench_dir/corpora/java/pom.xml")"
  if [[ -d "$corpus_java" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    log "Java corpus up to date: $corpus_java"
    return
  fi
  log "unpacking the Java corpus (-sources.jars from Maven Central) ..."
  rm -rf "$corpus_java" "$corpus_java.markers" "$stamp"
  mkdir -p "$corpus_java"
  (cd "$repo" && ./mvnw -q -B -f bench/corpora/java/pom.xml dependency:unpack "-Dcorpus.dir=$corpus_java" >&2)
  # the jars' manifests and metadata are not sources
  rm -rf "$corpus_java"/*/META-INF
  printf '%s\n' "$want" >"$stamp"
}

fetch_tools() {
  local stamp="$tools/tools.stamp" want
  want="$(digest_of "$bench_dir/tools/package.json" "$bench_dir/tools/package-lock.json")"
  if [[ -x "$oxlint" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    log "tools up to date: $tools"
    return
  fi
  log "installing oxlint from npm ..."
  rm -rf "$tools"
  mkdir -p "$tools"
  cp "$bench_dir/tools/package.json" "$bench_dir/tools/package-lock.json" "$tools/"
  # oxlint's binary is an optional dependency per platform, so optional dependencies stay
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  printf '%s\n' "$want" >"$stamp"
}

ensure_ripgrep() {
  command -v rg >/dev/null 2>&1 && return
  if command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == "0" ]]; then
    log "installing ripgrep from Debian's packages ..."
    apt-get install -y -qq ripgrep >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq ripgrep >/dev/null; }
  fi
  command -v rg >/dev/null 2>&1 || die "ripgrep (rg) is needed: install your system's ripgrep package"
}

# ---------------------------------------------------------------------------------------------------- run

java_home_of() { # the home of `java` on the PATH
  local java_path
  java_path="$(command -v java)" || return 1
  cd -P "$(dirname "$(readlink -f "$java_path")")/.." && pwd
}

feature_of() { # a JDK home's feature version, from its release file
  local line
  line="$(grep '^JAVA_VERSION=' "$1/release" 2>/dev/null)" || return 1
  line="${line#JAVA_VERSION=\"}"
  printf '%s' "${line%%[.\"]*}"
}

# Runs a command once, silently; prints "<wall ms> <peak RSS KiB>". A tool's own exit code (findings, lint
# errors) does not matter here; a crash does, and GNU time reports it as a signal.
time_once() {
  local out="$cache/results/.time" start end rss status
  start="$(date +%s%N)"
  /usr/bin/time -f '%M %x' -o "$out" "$@" >/dev/null 2>"$cache/results/.stderr" || true
  end="$(date +%s%N)"
  # GNU time writes a line of its own before the format when the command failed
  read -r rss status < <(tail -n 1 "$out") || die "no timing for: $*"
  if [[ "$status" =~ ^[0-9]+$ ]] && ((status > 2)); then
    cat "$cache/results/.stderr" >&2
    die "exit $status from: $*"
  fi
  if grep -q 'Command terminated by signal\|OutOfMemoryError' "$out" "$cache/results/.stderr"; then
    cat "$cache/results/.stderr" >&2
    die "crashed: $*"
  fi
  printf '%s %s\n' "$(((end - start) / 1000000))" "$rss"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure KEY LABEL CMD...: one warm-up round, then $rounds timed rounds; sets wall[KEY] (ms) and rss[KEY] (KiB)
declare -A wall rss label
measure() {
  local key="$1" name="$2" walls="" rsss="" i result
  shift 2
  log "measuring: $name"
  time_once "$@" >/dev/null
  for ((i = 0; i < rounds; i++)); do
    result="$(time_once "$@")"
    walls+="${result% *}"$'\n'
    rsss+="${result#* }"$'\n'
  done
  wall[$key]="$(printf '%s' "$walls" | median)"
  rss[$key]="$(printf '%s' "$rsss" | median)"
  label[$key]="$name"
}

# The launcher's start-up cache for the JDK at $1 (an AOT cache on JDK 24+, an AppCDS archive before) is created in
# the background by its first run; wait for it.
prepare_aot() {
  local home="$1" waited=0
  JAVA_HOME="$home" "$repo/wsguard" --version >/dev/null
  while [[ -z "$(aot_cache_of "$home")" ]]; do
    ((waited < 180)) || die "the start-up cache for $home was not created within 180 s"
    sleep 1
    waited=$((waited + 1))
  done
}

runtime_of() { # the start of a JDK's cache name part, as the launcher writes it
  local line
  line="$(grep '^JAVA_RUNTIME_VERSION=' "$1/release")"
  line="${line#JAVA_RUNTIME_VERSION=\"}"
  line="${line%\"}"
  printf '%s' "${line//[^A-Za-z0-9._+-]/_}"
}

# The cache the launcher uses for this jar and the JDK at $1 (named by the jar's SHA-256 and the JDK build).
aot_cache_of() {
  local hash
  hash="$(sha256sum "$repo/cli/target/wsguard.jar")"
  local prefix="$XDG_CACHE_HOME/wsguard/aot/wsguard-${hash:0:20}-jdk-$(runtime_of "$1")-"
  { compgen -G "$prefix*.aot" || compgen -G "$prefix*.jsa" || true; } | head -1
}

run() {
  [[ -d "$corpus_js" && -d "$corpus_java" && -x "$oxlint" ]] || die "corpora missing: run bench/bench.sh fetch first"
  ensure_ripgrep
  [[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) is needed: install your system's 'time' package"
  mkdir -p "$cache/results"
  # the launcher keeps its AOT caches here, so a run never touches the user's own cache
  export XDG_CACHE_HOME="$cache/xdg"

  local homes=() home
  if [[ -z "$jdk17" ]]; then
    home="$(java_home_of || true)"
    [[ -n "$home" && "$(feature_of "$home")" == "17" ]] && jdk17="$home"
  fi
  if [[ -n "$jdk17" && -x "$jdk17/bin/java" ]]; then
    homes+=("$jdk17")
  else
    log "no JDK 17: its rows are left out"
  fi
  if [[ -n "$jdk25" && -x "$jdk25/bin/java" ]]; then
    homes+=("$jdk25")
  else
    log "no JDK 25: its rows are left out"
    jdk25=""
  fi
  ((${#homes[@]} > 0)) || die "no JDK found"

  log "building wsguard ..."
  (cd "$repo" && ./mvnw -q -B -DskipTests -Dspotbugs.skip -pl cli -am package >&2)
  local jar="$repo/cli/target/wsguard.jar"
  for home in "${homes[@]}"; do
    prepare_aot "$home"
  done

  # what the prefilter looks for, from wsguard itself
  local words_file="$cache/results/trigger-words.tsv"
  "${homes[0]}/bin/java" -cp "$jar" "$bench_dir/TriggerWords.java" >"$words_file"

  local -A files bytes
  local corpus tree fe rg_args
  for corpus in js java; do
    if [[ "$corpus" == js ]]; then tree="$corpus_js"; fe=javascript; else tree="$corpus_java"; fe=java; fi
    rg_args=(-l -F --no-ignore --hidden --no-messages)
    local find_args=() first=1 owner kind value
    while IFS=$'\t' read -r owner kind value; do
      [[ "$owner" == "$fe" ]] || continue
      if [[ "$kind" == extension ]]; then
        rg_args+=(--iglob "*$value")
        ((first)) || find_args+=(-o)
        find_args+=(-iname "*$value")
        first=0
      else
        rg_args+=(-e "$value")
      fi
    done <"$words_file"
    files[$corpus]="$(find "$tree" -type f \( "${find_args[@]}" \) | wc -l)"
    bytes[$corpus]="$(find "$tree" -type f \( "${find_args[@]}" \) -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"
    log "$corpus corpus: ${files[$corpus]} files, $((bytes[$corpus] / 1000000)) MB under $tree"

    measure "$corpus.rg" "rg -l (trigger words, same files)" rg "${rg_args[@]}" "$tree"
    for home in "${homes[@]}"; do
      local v
      v="$(feature_of "$home")"
      measure "$corpus.wsguard.$v" "wsguard scan, JDK $v (launcher: C1 only, -Xmx512m)" \
        env JAVA_HOME="$home" JAVA_OPTS="-Xmx512m" "$repo/wsguard" scan --no-default-skips --exit-zero \
        --format json "$tree"
      measure "$corpus.wsguard.$v.tiered" "wsguard scan, JDK $v, tiered (JAVA_OPTS=-XX:TieredStopAtLevel=4)" \
        env JAVA_HOME="$home" JAVA_OPTS="-Xmx512m -XX:TieredStopAtLevel=4" "$repo/wsguard" scan \
        --no-default-skips --exit-zero --format json "$tree"
    done
    if [[ "$corpus" == js ]]; then
      measure "$corpus.oxlint" "oxlint $("$oxlint" --version | awk '{ print $NF }') (default rules)" \
        "$oxlint" --silent "$tree"
    fi
    # where a wsguard audit spends its time, from one extra run
    env JAVA_HOME="${homes[-1]}" JAVA_OPTS="-Xmx512m" "$repo/wsguard" scan --no-default-skips --exit-zero \
      --format json --stats "$tree" 2>"$cache/results/stats-$corpus.txt" >/dev/null
  done

  local sample_js="$bench_dir/samples/one-file.js" sample_java="$bench_dir/samples/OneFile.java"
  for home in "${homes[@]}"; do
    local v aot=()
    v="$(feature_of "$home")"
    measure "one.version.$v" "java -version, JDK $v" "$home/bin/java" -version
    # the cache the launcher made for this JDK, given to java -jar by hand
    if ((v >= 24)); then
      aot=(-Xlog:cds=off -Xlog:aot=off "-XX:AOTCache=$(aot_cache_of "$home")")
    else
      aot=("-Xlog:cds*=off" -Xshare:auto "-XX:SharedArchiveFile=$(aot_cache_of "$home")")
    fi
    local sample kind
    for kind in js java; do
      if [[ "$kind" == js ]]; then sample="$sample_js"; else sample="$sample_java"; fi
      measure "one.$kind.$v" "wsguard scan one file (.$kind), JDK $v (launcher)" \
        env JAVA_HOME="$home" "$repo/wsguard" scan --exit-zero "$sample"
      measure "one.$kind.$v.tiered" "↳ java -jar, tiered compilation" \
        "$home/bin/java" -jar "$jar" scan --exit-zero "$sample"
      measure "one.$kind.$v.c1" "↳ java -jar, C1 only" \
        "$home/bin/java" -XX:TieredStopAtLevel=1 -jar "$jar" scan --exit-zero "$sample"
      if ((${#aot[@]} > 0)); then
        local cache_kind="AOT cache"
        ((v >= 24)) || cache_kind="AppCDS archive"
        measure "one.$kind.$v.aot" "↳ java -jar, $cache_kind, tiered" \
          "$home/bin/java" "${aot[@]}" -jar "$jar" scan --exit-zero "$sample"
        measure "one.$kind.$v.aot.c1" "↳ java -jar, $cache_kind, C1 only" \
          "$home/bin/java" "${aot[@]}" -XX:TieredStopAtLevel=1 -jar "$jar" scan --exit-zero "$sample"
      fi
    done
  done

  report >"$cache/results/latest.md"
  cp "$cache/results/latest.md" "$cache/results/bench-$(date -u +%Y%m%dT%H%M%SZ).md"
  cat "$cache/results/latest.md"
  log "table written to $cache/results/latest.md"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

report() {
  local key corpus
  printf '# wsguard benchmark, %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'Machine: %s cores, %s; %s rounds after a warm-up round, medians. wsguard %s.\n\n' "$(nproc)" \
    "$(uname -sm)" "$rounds" "$(git -C "$repo" describe --always --dirty 2>/dev/null || echo '?')"
  for corpus in js java; do
    local name="JavaScript/TypeScript" mb
    [[ "$corpus" == java ]] && name="Java"
    mb="$(awk -v b="${bytes[$corpus]}" 'BEGIN { printf "%.1f", b / 1e6 }')"
    printf '## Audit: %s corpus, %s files, %s MB\n\n' "$name" "${files[$corpus]}" "$mb"
    printf '| tool | wall (s) | MB/s | files/s | peak RSS (MB) | × rg -l |\n|---|---:|---:|---:|---:|---:|\n'
    for key in "${!wall[@]}"; do
      [[ "$key" == "$corpus".* ]] || continue
      printf '%s\n' "$key"
    done | sort | while read -r key; do
      awk -v n="${label[$key]}" -v w="${wall[$key]}" -v r="${rss[$key]}" -v b="${bytes[$corpus]}" \
        -v f="${files[$corpus]}" -v rg="${wall[$corpus.rg]}" \
        'BEGIN { printf "| %s | %.2f | %.1f | %.0f | %.0f | %.1f |\n", n, w / 1000, b / 1e6 / (w / 1000), f / (w / 1000), r / 1024, w / rg }'
    done
    printf '\n'
    if [[ -f "$cache/results/stats-$corpus.txt" ]]; then
      # shellcheck disable=SC2016 # backquotes are Markdown here
      printf '%s\n\n```\n' 'Where the time goes (`--stats`, newest JDK, one run):'
      cat "$cache/results/stats-$corpus.txt"
      printf '```\n\n'
    fi
  done
  printf '## One staged file\n\n| run | wall (ms) | peak RSS (MB) | × java -version |\n|---|---:|---:|---:|\n'
  local v kind variant
  for v in 17 25; do
    printf '%s %s\n' "$v" "one.version.$v"
    for kind in js java; do
      for variant in "" .tiered .c1 .aot .aot.c1; do printf '%s %s\n' "$v" "one.$kind.$v$variant"; done
    done
  done | while read -r v key; do
    [[ -n "${wall[$key]:-}" ]] || continue
    awk -v n="${label[$key]}" -v w="${wall[$key]}" -v r="${rss[$key]}" -v base="${wall[one.version.$v]}" \
      'BEGIN { printf "| %s | %.0f | %.0f | %.1f |\n", n, w, r / 1024, w / base }'
  done
  printf '\n## Targets\n\n'
  local newest
  newest="$(for key in "${!wall[@]}"; do
    if [[ "$key" =~ ^js\.wsguard\.([0-9]+)$ ]]; then echo "${BASH_REMATCH[1]}"; fi
  done | sort -n | tail -1)"
  for corpus in js java; do
    local best="$corpus.wsguard.$newest"
    printf -- '- %s audit (JDK %s launcher): %s × rg -l (target ≤ 8)\n' "$corpus" "$newest" \
      "$(ratio "${wall[$best]}" "${wall[$corpus.rg]}")"
  done
  printf -- '- js audit: %s × oxlint (target ≤ 0.5)\n' "$(ratio "${wall[js.wsguard.$newest]}" "${wall[js.oxlint]}")"
  for key in one.js.25 one.java.25; do
    if [[ -n "${wall[$key]:-}" ]]; then
      printf -- '- %s: %s ms (target ≤ 250 ms on JDK 25 with the AOT cache)\n' "${label[$key]}" "${wall[$key]}"
    fi
  done
  for key in one.js.17 one.java.17; do
    if [[ -n "${wall[$key]:-}" ]]; then
      printf -- '- %s: %s ms (reported; JDK 17 has no AOT cache)\n' "${label[$key]}" "${wall[$key]}"
    fi
  done
  printf -- '- heap: every wsguard audit above ran with -Xmx512m\n'
}

case "$command" in
  fetch) fetch_js; fetch_java; fetch_tools ;;
  run) run ;;
  all) fetch_js; fetch_java; fetch_tools; run ;;
esac
