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
