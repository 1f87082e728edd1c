#!/bin/sh
# Runs libFuzzer targets built by `make fuzz` and keeps their corpora
# minimized. Usage:
#   run_fuzzers.sh BUILD_DIR SECONDS JOBS [TARGET...]   (default: every target)
# Each target runs for SECONDS with its -max_len and dictionary, reading
# corpus/<target>/ and writing new inputs to BUILD_DIR/fuzz/<target>/new/;
# then corpus/<target>/ is replaced by `-merge=1` of both into a fresh
# directory, by edge coverage (corpus/<target>/regressions/, inputs that
# once failed, is kept as it is). Logs and crash artifacts are in BUILD_DIR/fuzz/<target>/.
# At most JOBS targets run at once. Exits non-zero if any target failed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

# target max_len dictionary
settings() {
  case $1 in
    telegram_export) echo "16384 json" ;;
    bot_api_update) echo "8192 json" ;;
    preview_page) echo "16384 html" ;;
    rss | atom | opml) echo "16384 xml" ;;
    json_feed) echo "8192 json" ;;
    html_to_text) echo "16384 html" ;;
    claim_extractor) echo "4096 -" ;;
    normalize_record | dedup_record) echo "8192 -" ;;
    state_apply) echo "16384 -" ;;
    *) echo "unknown target $1" >&2; return 1 ;;
  esac
}

run_one() {
  build=$1 seconds=$2 target=$3
  set -- $(settings "$target")
  max_len=$1 dict=$2
  binary=$build/tests/fuzz/${target}_fuzzer
  corpus=$here/corpus/$target
  work=$build/fuzz/$target
  rm -rf "$work/new" "$work/merged"
  mkdir -p "$work/new" "$work/merged" "$corpus"
  dict_flag=""
  [ "$dict" = - ] || dict_flag="-dict=$here/dicts/$dict.dict"
  before=$(find "$corpus" -maxdepth 1 -type f | wc -l)
  echo "$target: fuzzing for ${seconds}s (log: $work/fuzz.log)"
  status=0
  "$binary" -max_total_time="$seconds" -max_len="$max_len" $dict_flag \
    -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/" "$work/new" "$corpus" >"$work/fuzz.log" 2>&1 ||
    status=$?
  # Edges only (no hit counts): a corpus a tenth the size, for the repository.
  "$binary" -merge=1 -use_counters=0 -max_len="$max_len" "$work/merged" \
    "$corpus" "$work/new" >"$work/merge.log" 2>&1
  find "$corpus" -maxdepth 1 -type f -delete
  cp "$work/merged"/* "$corpus"/ 2>/dev/null || true
  after=$(find "$corpus" -maxdepth 1 -type f | wc -l)
  final=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$work/fuzz.log" |
    tail -n 1 || true)
  echo "$target: exit $status, corpus $before -> $after files; $final"
  grep -E '^stat::' "$work/fuzz.log" | sed "s/^/$target: /" || true
  return $status
}

if [ "${1:-}" = --one ]; then
  shift
  run_one "$@"
  exit
fi

build=$1 seconds=$2 jobs=$3
shift 3
targets=${*:-telegram_export bot_api_update preview_page rss atom json_feed \
opml html_to_text claim_extractor normalize_record dedup_record state_apply}
for t in $targets; do settings "$t" >/dev/null; done
printf '%s\n' $targets |
  xargs -P "$jobs" -I{} "$0" --one "$build" "$seconds" {}
