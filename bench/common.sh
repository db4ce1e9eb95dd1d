# Sourced by the bench scripts after they set `here` (the project's root):
#   bench_setup NAME [PATH-TO-BURSAR]
# sets `bursar` (the binary named, else the release build, built if needed) and `work` (a
# scratch folder removed on exit), and gives git an identity and no configuration of the
# machine's, so nothing outside the script changes what is timed.
bench_setup() {
  local name="$1"
  shift
  if [ $# -ge 1 ]; then
    bursar="$1"
  else
    (cd "$here" && swift build -c release --static-swift-stdlib >/dev/null)
    bursar="$(cd "$here" && swift build -c release --static-swift-stdlib --show-bin-path)/bursar"
  fi
  work="$(mktemp -d "${TMPDIR:-/tmp}/bursar-$name-bench.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
  export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
  export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
}

# The best wall time and the lowest peak resident kilobytes of `runs` runs of a command, as
# "SECONDS KILOBYTES", each run timed by the script's own `measure` (which prints the same).
bench_best() {
  local best_time="" best_rss="" seconds kilobytes
  for _ in $(seq "$runs"); do
    read -r seconds kilobytes < <(measure "$@")
    if [ -z "$best_time" ] || awk -v a="$seconds" -v b="$best_time" 'BEGIN { exit !(a < b) }'; then best_time=$seconds; fi
    if [ -z "$best_rss" ] || [ "$kilobytes" -lt "$best_rss" ]; then best_rss=$kilobytes; fi
  done
  echo "$best_time $best_rss"
}
