#!/usr/bin/env bash
# The contracts gate: the contracts lint clean, and no change to them breaks a service already running.
#   contracts/gate.sh [--against REF] [--repo DIR]      (also: ./fraudscore contracts-check)
#
# Lint: buf lint (buf.yaml: STANDARD) of the protos, redocly lint (redocly.yaml: recommended-strict) of the
# OpenAPI document. Breaking: buf breaking (buf.yaml: WIRE, and no RPC, service or package removed) and
# openapi-diff (tools/contracts-gate) of the working tree's contracts against those of a reference commit:
#   --against REF; else the newest release tag v* reachable from HEAD; else the merge base of HEAD with main
#   (origin/main, then main), or HEAD's first parent when that merge base is HEAD itself (a build of main);
#   else HEAD's parent. A shallow clone that lacks it fails; a first commit has nothing to break.
# The rule: a breaking change is a new version (package fraudscore.<domain>.v2, paths under /v2) served
# beside v1, never a change to v1. --repo checks another checkout's contracts with this checkout's tools.
# Exit 0: clean; 1: a lint finding or a breaking change; 2: the gate could not run.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
VERSION=0.1.0-SNAPSHOT
BIN=$HERE/tools/node_modules/.bin
DIFF_JAR=$ROOT/tools/contracts-gate/target/contracts-gate-$VERSION-exec.jar
PROTO=src/main/proto
OPENAPI=src/main/resources/openapi
REPO=$ROOT
AGAINST=
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

say() { printf 'contracts gate: %s\n' "$*"; }
die() { printf 'contracts gate: %s\n' "$*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --against) AGAINST=${2:?--against needs a tag, branch or commit}; shift 2 ;;
    --repo) REPO=$(cd "${2:?--repo needs a folder}" && pwd); shift 2 ;;
    *) die "unknown argument '$1'; usage: contracts/gate.sh [--against REF] [--repo DIR]" ;;
  esac
done
CONTRACTS=$REPO/contracts
[ -d "$CONTRACTS/$PROTO" ] || die "$CONTRACTS/$PROTO does not exist; --repo must name a fraudscore checkout."

ensure_tools() {
  # npm records what it installed in node_modules/.package-lock.json; a newer package-lock.json means new pins
  if [ ! -x "$BIN/buf" ] || [ ! -x "$BIN/redocly" ] || [ "$HERE/tools/package-lock.json" -nt "$HERE/tools/node_modules/.package-lock.json" ]; then
    command -v npm >/dev/null \
      || die "buf and redocly are not installed, and npm is missing: install Node.js and npm (Debian: apt-get install -y nodejs npm)."
    say "installing the pinned buf and redocly (npm ci in contracts/tools)"
    npm ci --prefix "$HERE/tools" --no-audit --no-fund --loglevel=error >/dev/null \
      || die "npm ci in contracts/tools failed; run it there by hand to see why."
  fi
  if [ ! -f "$DIFF_JAR" ] || [ -n "$(find "$ROOT/tools/contracts-gate/src/main" "$ROOT/tools/contracts-gate/pom.xml" -newer "$DIFF_JAR" -print -quit)" ]; then
    say "building the OpenAPI comparison (mvn package of tools/contracts-gate)"
    mvn -B -q -Dstyle.color=never -f "$ROOT/pom.xml" -pl tools/contracts-gate -DskipTests package \
      || die "the build of tools/contracts-gate failed; the output above says why."
  fi
}

# Sets REF (empty: nothing to compare with) and WHY, as the header says.
find_reference() {
  local head base main
  if [ -n "$AGAINST" ]; then REF=$AGAINST; WHY="given with --against"; return; fi
  if ! git -C "$REPO" rev-parse -q --verify 'HEAD^{commit}' >/dev/null 2>&1; then
    REF=; WHY="$REPO is not a git checkout with a commit"; return
  fi
  if REF=$(git -C "$REPO" describe --tags --abbrev=0 --match 'v[0-9]*' 2>/dev/null); then
    WHY="the newest release tag"; return
  fi
  head=$(git -C "$REPO" rev-parse HEAD)
  for main in origin/main main; do
    base=$(git -C "$REPO" merge-base HEAD "$main" 2>/dev/null) || continue
    if [ "$base" != "$head" ]; then REF=$base; WHY="no release tag yet: the merge base with $main"; return; fi
    break
  done
  if REF=$(git -C "$REPO" rev-parse -q --verify 'HEAD^1^{commit}'); then
    WHY="no release tag yet, and HEAD is on main: HEAD's first parent"; return
  fi
  [ "$(git -C "$REPO" rev-parse --is-shallow-repository)" = false ] \
    || die "this shallow clone lacks the commit to compare with: fetch the history (git fetch --unshallow --tags) or pass --against REF."
  REF=; WHY="HEAD is the first commit and no release is tagged"
}

# Copies contracts/$1 of the reference into REF_DIR; false when the reference has no such path.
extract() {
  git -C "$REPO" cat-file -e "$REF:contracts/$1" 2>/dev/null || return 1
  git -C "$REPO" archive "$REF" "contracts/$1" | tar -x -C "$REF_DIR"
}

# proto-renames.txt: renamed types keep their fields, so rename them in the reference before comparing.
apply_renames() {
  local old new rest dir file=$CONTRACTS/proto-renames.txt
  [ -f "$file" ] || return 0
  while read -r old new rest; do
    case "$old" in '' | '#'*) continue ;; esac
    if [ -z "$new" ] || [ -n "$rest" ]; then
      die "proto-renames.txt: '$old $new $rest' is not 'old.full.Name new.full.Name'."
    fi
    [ "${old%.*}" = "${new%.*}" ] || die "proto-renames.txt: $old and $new are in different packages; a move is not a rename."
    # full names anywhere, then the simple name inside its own package's folder
    find "$REF_DIR/contracts/$PROTO" -name '*.proto' -exec sed -i -E "s/\\b${old//./\\.}\\b/${new}/g" {} +
    dir=$REF_DIR/contracts/$PROTO/$(tr . / <<<"${old%.*}")
    if [ -d "$dir" ]; then
      find "$dir" -maxdepth 1 -name '*.proto' -exec sed -i -E "s/\\b${old##*.}\\b/${new##*.}/g" {} +
    fi
  done <"$file"
}

proto_breaking() {
  extract "$PROTO" || { say "the reference has no protos: no proto can break"; return 0; }
  apply_renames
  say "buf breaking"
  (cd "$CONTRACTS" && "$BIN/buf" breaking --against "$REF_DIR/contracts/$PROTO")
}

openapi_breaking() {
  extract "$OPENAPI" || { say "the reference has no OpenAPI document: no public API can break"; return 0; }
  local old name failed=0
  for old in "$REF_DIR/contracts/$OPENAPI"/*.yaml; do
    name=$(basename "$old")
    say "openapi-diff of $name"
    if [ ! -f "$CONTRACTS/$OPENAPI/$name" ]; then
      say "$name was deleted: every caller of that API breaks."; failed=1; continue
    fi
    java -jar "$DIFF_JAR" "$old" "$CONTRACTS/$OPENAPI/$name" || failed=1
  done
  return $failed
}

ensure_tools
failed=()
say "buf lint (STANDARD)"
(cd "$CONTRACTS" && "$BIN/buf" lint) || failed+=("buf lint")
say "redocly lint (recommended-strict)"
(cd "$CONTRACTS" && "$BIN/redocly" lint --format=stylish 2>&1) || failed+=("redocly lint")

find_reference
if [ -z "$REF" ]; then
  say "NO BREAKING-CHANGE CHECK: $WHY, so nothing released can break. Lint only."
else
  git -C "$REPO" rev-parse -q --verify "$REF^{commit}" >/dev/null || die "the reference '$REF' is not a commit of $REPO."
  described=$(git -C "$REPO" log -1 --format='%h "%s"' "$REF")
  [[ $REF =~ ^[0-9a-f]{40}$ ]] || described="$REF, $described"
  say "reference: $described ($WHY)"
  REF_DIR=$(mktemp -d)
  trap 'rm -rf "$REF_DIR"' EXIT
  proto_breaking || failed+=("buf breaking")
  openapi_breaking || failed+=("openapi-diff")
fi

if [ ${#failed[@]} -gt 0 ]; then
  printf -v list '%s, ' "${failed[@]}"
  say "FAILED: ${list%, }; the findings are above."
  say "A lint finding is fixed in place. A breaking change needs a new version served beside v1 (a package"
  say "fraudscore.<domain>.v2 for gRPC, paths under /v2 for HTTP): see 'Contracts' in the README."
  exit 1
fi
say "passed: the contracts lint clean${REF:+, and nothing breaks what the reference serves}."
