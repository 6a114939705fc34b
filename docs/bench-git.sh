#!/usr/bin/env bash
# Compares roadmap's history, diff and report with the git CLI doing the
# least work they must: list the commits that touched the roadmap folder and
# read every changed blob. Needs git and hyperfine (apt-get install hyperfine).
#
#   bash docs/bench-git.sh [REPO_DIR [FEATURES COMMITS]]
#
# It measures the repository twice: packed by go-git, as the generator writes
# it, and repacked by git (git repack -adf), as a clone from a git server
# holds it. git's packs are smaller and quicker to read, for both.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=${1:-/tmp/roadmap-bench-repo}
features=${2:-1000}
commits=${3:-2000}
go build -o /tmp/roadmap-bench-bin ./cmd/roadmap
# The benchmark repository: 1,000 features in 20 files (by default), 2,000
# commits each changing one to three features, one in ten touching only files
# outside the roadmap. One run of a benchmark writes it (and later runs of the
# same sizes reuse it).
go test ./roadmap/gitrepo -run '^$' -bench History -benchtime 1x -benchrepo "$repo" \
  -benchfeatures "$features" -benchcommits "$commits" >/dev/null
busiest=$(head -n 1 "$repo/.git/roadmap-bench-v2")
repacked="$repo-git"
# The repacked copy is made again whenever the repository was.
if ! cmp -s "$repo/.git/roadmap-bench-v2" "$repacked/.git/roadmap-bench-v2" ||
  [ "$(git -C "$repo" rev-parse HEAD)" != "$(git -C "$repacked" rev-parse HEAD 2>/dev/null)" ]; then
  rm -rf "$repacked"
  cp -r "$repo" "$repacked"
  git -C "$repacked" repack -adf -q
fi
for r in "$repo" "$repacked"; do
  cat > /tmp/roadmap-bench-git.sh <<SH
#!/bin/sh
cd "$r"
git log --format=%H --raw --no-abbrev -- roadmap |
  awk '/^:/ { if (\$3 !~ /^0+\$/) print \$3; if (\$4 !~ /^0+\$/) print \$4 }' |
  git cat-file --batch > /dev/null
SH
  chmod +x /tmp/roadmap-bench-git.sh
  echo "== $r"
  (cd "$r" && hyperfine -N -w 3 -r 30 \
    /tmp/roadmap-bench-git.sh \
    "/tmp/roadmap-bench-bin history $busiest --dir roadmap" \
    "/tmp/roadmap-bench-bin diff HEAD~$((commits - 1)) HEAD --dir roadmap" \
    "/tmp/roadmap-bench-bin report --dir roadmap --today 2024-09-30")
done
