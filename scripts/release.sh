#!/usr/bin/env bash
# Tags a release of ecocompute/audit locally. Pushes nothing.
#
#   scripts/release.sh vX.Y.Z
#
# Refuses when the working tree is dirty or when dist/ is not what a fresh
# `npm run build` produces (the action runs dist/index.js, so a stale bundle
# would ship old code). Then creates the annotated tag vX.Y.Z, moves the
# major tag vX to the same commit with `git tag -f`, and prints the
# `git push` commands to run by hand.
set -euo pipefail

die() {
  echo "release: $*" >&2
  exit 1
}

[ $# -eq 1 ] || die "usage: scripts/release.sh vX.Y.Z"
version=$1
[[ $version =~ ^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] ||
  die "version must look like v1.2.3, got '$version'"
major="v${BASH_REMATCH[1]}"

cd "$(git rev-parse --show-toplevel)" || die "not inside a git repository"

# Untracked files count as dirt too: they could change what the build sees.
[ -z "$(git status --porcelain)" ] ||
  die "the working tree is not clean; commit or stash first:
$(git status --short)"

git rev-parse -q --verify "refs/tags/$version" >/dev/null &&
  die "tag $version already exists"

echo "release: rebuilding dist/ to check it is up to date"
npm run build --silent >/dev/null || die "npm run build failed"
if [ -n "$(git status --porcelain -- dist)" ]; then
  git status --short -- dist >&2
  # Leave the tree as it was: the rebuilt files are not ours to keep.
  git checkout -q -- dist
  git clean -fdq -- dist
  die "dist/ differs from a fresh build; run npm run build and commit dist/"
fi
[ -z "$(git status --porcelain)" ] || die "the build changed files outside dist/"

commit=$(git rev-parse HEAD)
git tag -a "$version" -m "ecocompute/audit $version" "$commit"
git tag -f -a "$major" -m "ecocompute/audit $major (points to $version)" "$commit" >/dev/null

echo "release: tagged $version and moved $major to ${commit:0:12}"
echo "release: nothing was pushed. To publish, run:"
echo "  git push origin $version"
echo "  git push --force origin $major"
