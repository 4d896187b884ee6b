#!/usr/bin/env bash
# Builds and tests Hardening.Build with the .NET SDK alone.
#
#   ./build.sh sample   pack the package into artifacts/packages, then build samples/HardeningSample
#                       against it and show the findings
#   ./build.sh test     run every test, including the end-to-end tests (same as .ci/run)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

command="${1:-}"
case "$command" in
  sample)
    # Empty both folders so the sample restores the package packed now, not an extracted copy of an
    # earlier pack with the same version.
    rm -rf artifacts/packages artifacts/sample-packages
    dotnet pack src/Hardening.Build.Tasks/Hardening.Build.Tasks.csproj -c Release -o artifacts/packages -nologo
    dotnet build samples/HardeningSample/HardeningSample.csproj --force -nologo -tl:off
    ;;
  test)
    exec "$root/.ci/run"
    ;;
  *)
    echo "Usage: ./build.sh sample|test" >&2
    exit 2
    ;;
esac
