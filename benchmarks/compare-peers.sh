#!/usr/bin/env bash
# Times our engine and the npm Dockerfile linters dockerfile-utils and dockerfilelint on the same
# Dockerfiles, in process, one file at a time, and prints the times per file and per MB.
#
#   benchmarks/compare-peers.sh [PASSES] [REAL_FILES_ROOT...]
#
# PASSES (default 5) timed passes follow warm-up passes of at least 1 s. The file sets are 200
# generated Dockerfiles of 1 to 4 KiB, two generated large ones (100 KiB and 1 MiB), and every
# Dockerfile under the REAL_FILES_ROOT folders (default: the samples and src folders of a
# dotnet-docker clone at /work/realfiles/dotnet-docker), in place and copied out. The linters are installed with npm into a
# temporary folder; needs Node.js, npm and access to the npm registry.
set -euo pipefail

passes="${1:-5}"
shift || true
real_roots=("$@")
if [ ${#real_roots[@]} -eq 0 ]; then
  real_roots=(/work/realfiles/dotnet-docker/samples /work/realfiles/dotnet-docker/src)
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/hardening-peers.XXXXXX")"
echo "Work folder: $work"

(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent dockerfile-utils@0.16.3 dockerfilelint@1.8.0)
export NODE_PATH="$work/node_modules"

dotnet build -c Release "$root/benchmarks/Hardening.Build.Benchmarks" -nologo -v q -tl:off >/dev/null
tool="$root/benchmarks/Hardening.Build.Benchmarks/bin/Release/net10.0/Hardening.Build.Benchmarks.dll"
dotnet "$tool" generate "$work/generated" >/dev/null

grep -v large "$work/generated/files.txt" >"$work/small.txt"
grep large "$work/generated/files.txt" >"$work/large.txt"
find "${real_roots[@]}" -type f \( -name Dockerfile -o -name 'Dockerfile.*' -o -name '*.Dockerfile' \) | sort >"$work/real.txt"

# The same real files, each copied into a folder of its own under the work folder. In place, every
# check of one file also reads the clone's .editorconfig files, which the peers never read. Here
# there are none, so the two sets show what configuration costs per check.
number=0
while read -r file; do
  number=$((number + 1))
  mkdir -p "$work/real-copied/$number"
  cp "$file" "$work/real-copied/$number/Dockerfile"
  echo "$work/real-copied/$number/Dockerfile"
done <"$work/real.txt" >"$work/real-copied.txt"

for set in small large real real-copied; do
  echo "== $set: $(wc -l <"$work/$set.txt") files"
  dotnet "$tool" time "$work/$set.txt" "$passes" | grep -E 'files|HardeningEngine.Check'
  for peer in dockerfile-utils dockerfilelint; do
    node "$root/benchmarks/peers-timer.js" "$peer" "$work/$set.txt" "$passes" | tail -n 1
  done
done

echo "Done. Remove $work when you no longer need it."
