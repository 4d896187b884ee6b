#!/usr/bin/env bash
# Measures what Hardening.Build adds to an incremental no-op `dotnet build`.
#
#   benchmarks/build-overhead.sh [RUNS] [LARGE_RUNS]
#
# RUNS (default 10) is the number of timed no-op builds per variant of the Visual Studio layout
# solution; LARGE_RUNS (default 5) is the number for the 50-project solution and the 2,000-folder
# tree, and 0 skips those two. Everything is generated under a temporary folder outside the repository: the package is
# packed into a folder feed there and restored into an isolated packages folder, so the user's NuGet
# cache is not touched. Needs the .NET SDK and access to nuget.org for the first restore.
#
# Variants, each a copy of the generated projects, built in turn so that load on the machine hits
# each alike:
#   with      the package referenced, check enabled (the default), so a no-op build replays the
#             findings kept in obj/Debug/net10.0/Hardening.cache
#   nocache   the same with HardeningReuseResults=false, so every build checks in full
#   disabled  the package referenced, HardeningEnabled=false
#   noref     the same projects without the PackageReference
# Every build runs with -nodeReuse:false and --no-restore, after two untimed builds per variant.
# The script prints the median wall time of each variant, the differences and the ratios, and the
# time MSBuild's performance summary gives to the HardeningCheck target in one extra build.
set -euo pipefail

runs="${1:-10}"
large_runs="${2:-5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/hardening-overhead.XXXXXX")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_CLI_USE_MSBUILD_SERVER=0
export NUGET_PACKAGES="$work/packages"

echo "Work folder: $work"
dotnet pack "$root/src/Hardening.Build.Tasks/Hardening.Build.Tasks.csproj" -c Release -o "$work/feed" -nologo -v q -tl:off >/dev/null
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/src/Hardening.Build.Tasks/Hardening.Build.Tasks.csproj" | head -n 1)"

cat >"$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="hardening" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
EOF
# MSBuild's search for Directory.Build.props and .targets stops here, so no file above the work folder applies.
echo '<Project />' >"$work/Directory.Build.props"
echo '<Project />' >"$work/Directory.Build.targets"

package_reference="<PackageReference Include=\"Hardening.Build\" Version=\"$version\" PrivateAssets=\"all\" />"

# write_project DIR NAME SDK REFERENCE: a project with a Dockerfile, part of the Compose project beside its parent folder.
write_project() {
  local dir="$1" name="$2" sdk="$3" reference="$4"
  mkdir -p "$dir"
  cat >"$dir/$name.csproj" <<EOF
<Project Sdk="$sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <DockerComposeProjectPath>../docker-compose.dcproj</DockerComposeProjectPath>
  </PropertyGroup>
  <ItemGroup>
    $reference
  </ItemGroup>
</Project>
EOF
  if [ "$sdk" = "Microsoft.NET.Sdk.Web" ]; then
    printf 'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet("/", () => "Hello");\napp.Run();\n' >"$dir/Program.cs"
  else
    printf 'namespace %s;\n\npublic static class Greeter\n{\n    public static string Greet() => "Hello";\n}\n' "$name" >"$dir/Greeter.cs"
  fi

  cat >"$dir/Dockerfile" <<EOF
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY ["$name/$name.csproj", "$name/"]
RUN dotnet restore "$name/$name.csproj"
COPY . .
RUN dotnet publish "$name/$name.csproj" -c Release -o /app/publish /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
EXPOSE 8080
COPY --from=build /app/publish .
ENTRYPOINT ["dotnet", "$name.dll"]
EOF
}

# write_compose DIR NAME...: docker-compose.dcproj, docker-compose.yml and its override file, one service a project.
write_compose() {
  local dir="$1"
  shift
  printf '<Project Sdk="Microsoft.Docker.Sdk">\n  <PropertyGroup>\n    <DockerComposeBaseFilePath>docker-compose</DockerComposeBaseFilePath>\n  </PropertyGroup>\n</Project>\n' >"$dir/docker-compose.dcproj"
  {
    echo "services:"
    for name in "$@"; do
      local service
      service="$(echo "$name" | tr '[:upper:]' '[:lower:]')"
      printf '  %s:\n    image: ${DOCKER_REGISTRY-}%s\n    build:\n      context: .\n      dockerfile: %s/Dockerfile\n' "$service" "$service" "$name"
    done
  } >"$dir/docker-compose.yml"
  {
    echo "services:"
    for name in "$@"; do
      local service
      service="$(echo "$name" | tr '[:upper:]' '[:lower:]')"
      printf '  %s:\n    environment:\n      - ASPNETCORE_ENVIRONMENT=Development\n      - ASPNETCORE_HTTP_PORTS=8080\n    ports:\n      - "8080"\n' "$service"
    done
  } >"$dir/docker-compose.override.yml"
}

# build_ms TARGET [ARGS...]: prints the wall time of one no-op build in milliseconds and, when Linux
# perf is installed, the processor time of the build's processes ("-" without perf).
build_ms() {
  local target="$1"
  shift
  local start end cpu="-"
  start=$(date +%s%N)
  if [ -n "$perf" ]; then
    "$perf" stat -x, -e task-clock -o "$work/perf.txt" \
      dotnet build "$target" --no-restore -nodeReuse:false -nologo -v q -tl:off -clp:NoSummary "$@" >/dev/null
    cpu="$(grep task-clock "$work/perf.txt" | cut -d, -f1 | cut -d. -f1)"
  else
    dotnet build "$target" --no-restore -nodeReuse:false -nologo -v q -tl:off -clp:NoSummary "$@" >/dev/null
  fi
  end=$(date +%s%N)
  echo "$(((end - start) / 1000000)) $cpu"
}

# Processor time varies less than wall time on a shared machine.
perf="$(command -v perf || true)"

# median: the median of the numbers on standard input; nothing when there are none.
median() {
  { grep -E '^[0-9]+$' || true; } | sort -n \
    | awk '{ values[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print values[(NR + 1) / 2]; else print (values[NR / 2] + values[NR / 2 + 1]) / 2 }'
}

# variant SOURCE DEST PROPERTY: copies a generated folder and sets PROPERTY (an MSBuild property
# element) in each of its project files, or removes the PackageReference when PROPERTY is "noref".
# Each variant has its own obj/ folder: a build that does not run the check drops the check's files
# from obj/ as stale outputs, so variants that shared one would never reuse kept results.
variant() {
  local source="$1" dest="$2" property="$3"
  cp -r "$source" "$dest"
  find "$dest" -name '*.csproj' | while read -r project; do
    if [ "$property" = "noref" ]; then
      sed -i '/Hardening.Build/d' "$project"
    else
      sed -i "s|<TargetFramework>|$property<TargetFramework>|" "$project"
    fi
  done
}

# report NAME TIMES: prints the medians of one variant's "wall cpu" lines and every wall time.
report() {
  local wall cpu
  wall="$(printf '%s' "$2" | cut -d' ' -f1 | median)"
  cpu="$(printf '%s' "$2" | cut -d' ' -f2 | median)"
  printf '%-30s wall %6s  cpu %6s   (all wall: %s)\n' "$1:" "$wall" "${cpu:--}" "$(printf '%s' "$2" | cut -d' ' -f1 | tr '\n' ' ')"
}

# compare NAME TIMES BASE_TIMES: prints, for wall and processor time, the median of the differences
# between builds made one after the other, then the difference and ratio of the two medians. The
# paired differences cancel most of the drift in the machine's load, so they are the better figure.
compare() {
  local field kind a b paired
  for field in 1 2; do
    kind="$([ "$field" = 1 ] && echo wall || echo cpu)"
    a="$(printf '%s' "$2" | cut -d' ' -f"$field" | median)"
    b="$(printf '%s' "$3" | cut -d' ' -f"$field" | median)"
    if [ -z "$a" ] || [ -z "$b" ]; then
      continue
    fi

    paired="$(paste -d' ' <(printf '%s' "$2" | cut -d' ' -f"$field") <(printf '%s' "$3" | cut -d' ' -f"$field") \
      | awk '{ print $1 - $2 }' | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
    awk -v name="$1" -v kind="$kind" -v a="$a" -v b="$b" -v paired="$paired" \
      'BEGIN { printf "%-30s %-4s %+6.0f ms paired, %+6.0f ms between medians, ratio %.3f\n", name ":", kind, paired, a - b, a / b }'
  done
}

# measure LABEL RUNS WITH NOCACHE DISABLED [NOREF]: alternates the variants' project or solution files
# and prints medians and ratios.
measure() {
  local label="$1" count="$2" with_target="$3" nocache_target="$4" disabled_target="$5" noref_target="${6:-}"
  if [ "$count" -lt 10 ]; then
    echo "Note: $count builds per variant give rough medians; differences of a few ms can flip sign."
  fi

  local with_times="" nocache_times="" disabled_times="" noref_times=""
  # Two untimed builds each: results are kept only when the checked files are at least 3 s old, and
  # the generated files may be younger than that at the first build.
  for target in "$with_target" "$nocache_target" "$disabled_target" $noref_target; do
    dotnet restore "$target" -v q >/dev/null
    build_ms "$target" >/dev/null
    build_ms "$target" >/dev/null
  done

  for _ in $(seq "$count"); do
    with_times+="$(build_ms "$with_target")"$'\n'
    nocache_times+="$(build_ms "$nocache_target")"$'\n'
    disabled_times+="$(build_ms "$disabled_target")"$'\n'
    if [ -n "$noref_target" ]; then
      noref_times+="$(build_ms "$noref_target")"$'\n'
    fi
  done

  echo "== $label: median of $count no-op builds each, wall time and processor time in ms"
  report "with package" "$with_times"
  report "HardeningReuseResults=false" "$nocache_times"
  report "HardeningEnabled=false" "$disabled_times"
  [ -n "$noref_target" ] && report "without PackageReference" "$noref_times"
  compare "added vs disabled" "$with_times" "$disabled_times"
  compare "full check vs disabled" "$nocache_times" "$disabled_times"
  [ -n "$noref_target" ] && compare "added vs no reference" "$with_times" "$noref_times"

  # MSBuild's own account of the check, without process start-up and evaluation noise: once replaying
  # the kept findings, once checking in full.
  dotnet build "$with_target" --no-restore -nodeReuse:false -nologo -v q -tl:off -clp:PerformanceSummary \
    | grep -E '^\s+[0-9]+ ms\s+(HardeningCheck|_HardeningCheckOnBuild|CheckContainerHardening|CoreCompile)\s' \
    | sed 's/^/performance summary, with package: /' || true
  dotnet build "$nocache_target" --no-restore -nodeReuse:false -nologo -v q -tl:off -clp:PerformanceSummary \
    | grep -E '^\s+[0-9]+ ms\s+(HardeningCheck|CheckContainerHardening)\s' \
    | sed 's/^/performance summary, HardeningReuseResults=false: /' || true
}

# 1. The Visual Studio layout: an ASP.NET Core app with a Dockerfile and docker-compose.dcproj beside the solution.
vs="$work/vs"
write_project "$vs/WebApp" WebApp Microsoft.NET.Sdk.Web "$package_reference"
write_compose "$vs" WebApp
(cd "$vs" && dotnet new sln -n Sample --format sln >/dev/null && dotnet sln Sample.sln add WebApp/WebApp.csproj >/dev/null)
variant "$vs" "$work/vs-nocache" "<HardeningReuseResults>false</HardeningReuseResults>"
variant "$vs" "$work/vs-disabled" "<HardeningEnabled>false</HardeningEnabled>"
variant "$vs" "$work/vs-noref" noref
measure "Visual Studio layout, 1 ASP.NET Core project" "$runs" \
  "$vs/WebApp/WebApp.csproj" "$work/vs-nocache/WebApp/WebApp.csproj" "$work/vs-disabled/WebApp/WebApp.csproj" "$work/vs-noref/WebApp/WebApp.csproj"

# The start-up of a full check against its warm cost: one MSBuild process builds the project once, or
# three times with different global properties, each with the result cache off. MSBuild loads the task
# once per process, so the difference between the two totals is what two warm calls cost.
for passes in 1 3; do
  {
    echo '<Project>'
    echo '  <Target Name="Build">'
    for pass in $(seq "$passes"); do
      echo "    <MSBuild Projects=\"WebApp/WebApp.csproj\" Properties=\"HardeningBenchmarkPass=$pass;HardeningReuseResults=false\" />"
    done
    echo '  </Target>'
    echo '</Project>'
  } >"$vs/passes$passes.proj"
  dotnet build "$vs/passes$passes.proj" -nodeReuse:false -nologo -v q -tl:off -clp:PerformanceSummary \
    | grep -E '^\s+[0-9]+ ms\s+CheckContainerHardening\s' \
    | sed "s/^/$passes build(s) of the project in one process: /" || true
done

if [ "$large_runs" -eq 0 ]; then
  echo "Done. Remove $work when you no longer need the generated projects."
  exit 0
fi

# 2. 50 class libraries sharing one Compose project beside the solution.
many="$work/many"
mkdir -p "$many"
names=()
for i in $(seq -w 1 50); do
  names+=("Lib$i")
  write_project "$many/Lib$i" "Lib$i" Microsoft.NET.Sdk "$package_reference"
done
write_compose "$many" "${names[@]}"
(cd "$many" && dotnet new sln -n Many --format sln >/dev/null && dotnet sln Many.sln add Lib*/Lib*.csproj >/dev/null)
variant "$many" "$work/many-nocache" "<HardeningReuseResults>false</HardeningReuseResults>"
variant "$many" "$work/many-disabled" "<HardeningEnabled>false</HardeningEnabled>"
variant "$many" "$work/many-noref" noref
measure "50 projects sharing one Compose project" "$large_runs" \
  "$many/Many.sln" "$work/many-nocache/Many.sln" "$work/many-disabled/Many.sln" "$work/many-noref/Many.sln"

# 3. One project whose folder contains 2,000 folders, each with a Dockerfile and a docker-compose.yml.
tree="$work/tree"
write_project "$tree" Monorepo Microsoft.NET.Sdk "$package_reference"
rm "$tree/Dockerfile"
sed -i '/DockerComposeProjectPath/d' "$tree/Monorepo.csproj"
dotnet run -c Release --project "$root/benchmarks/Hardening.Build.Benchmarks" -- tree "$tree/services" 2000
variant "$tree" "$work/tree-nocache" "<HardeningReuseResults>false</HardeningReuseResults>"
variant "$tree" "$work/tree-disabled" "<HardeningEnabled>false</HardeningEnabled>"
variant "$tree" "$work/tree-noref" noref
measure "2,000 Dockerfiles and 2,000 Compose files in one project" "$large_runs" \
  "$tree/Monorepo.csproj" "$work/tree-nocache/Monorepo.csproj" "$work/tree-disabled/Monorepo.csproj" "$work/tree-noref/Monorepo.csproj"

echo "Done. Remove $work when you no longer need the generated projects."
