#!/usr/bin/env bash
# KConnector's one entry point, from a fresh Debian 12 machine to a result.
#
#   ./build.sh demo   runs the quickstart on the embedded Kafka (nothing else needs to run)
#   ./build.sh test   builds everything, checks formatting, runs every test project and
#                     ends with one line: "N passed, N failed, N skipped"
#
# Each command installs what it needs and is idempotent: a second run skips what is done.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${KCONNECTOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kconnector}"
CONFIGURATION="${CONFIGURATION:-Release}"
RDKAFKA_VERSION="2.15.1"
# librdkafka 2.15.1's source ships inside this npm package (deps/librdkafka).
RDKAFKA_NPM_SOURCE="@confluentinc/kafka-javascript@1.10.1"
NATIVE_FEED="$ROOT/artifacts/native-feed"
PACKAGES="$ROOT/artifacts/packages"
# Unique to this build: see restore_tools.
export KCONNECTOR_TOOL_BUILD="${KCONNECTOR_TOOL_BUILD:-$(date -u +%Y%m%d%H%M%S)}"
TOOL_VERSION="0.1.0-build.$KCONNECTOR_TOOL_BUILD"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n==> %s\n' "$*"; }
SUMMARY_ON_FAILURE=0
fail() {
  printf '\nbuild.sh: FAILED: %s\n' "$1" >&2
  printf '  what to do: %s\n' "$2" >&2
  # CI reads the last line: a build that cannot even run its tests still reports a failure there.
  if [ "$SUMMARY_ON_FAILURE" -eq 1 ]; then echo "0 passed, 1 failed, 0 skipped"; fi
  exit 1
}
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- system packages -------------------------------------------------------------------------
APT_PACKAGES=(
  curl build-essential pkg-config libssl-dev libsasl2-dev zlib1g-dev libzstd-dev liblz4-dev
  libcurl4-openssl-dev sqlite3 postgresql mariadb-server redis-server
)

ensure_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then return; fi
  step "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq ||
    fail "apt-get update" "check the machine's access to Debian's package mirror, then re-run"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    fail "apt-get install ${missing[*]}" "install those packages by hand (as root), then re-run"
}

ensure_dotnet() {
  command -v dotnet >/dev/null ||
    fail "the .NET SDK is not on PATH" "install the .NET 10 SDK (10.0.100 or later), then re-run"
}

# --- librdkafka --------------------------------------------------------------------------------
# Confluent.Kafka needs the native librdkafka from the librdkafka.redist package. Where the NuGet
# sources serve it (nuget.org does), nothing here runs. Where they do not (some mirrors lack it,
# and Debian's librdkafka 2.0.2 is too old), build it from source, pack it as a local
# librdkafka.redist package (cached outside the clone) and offer it through artifacts/native-feed.
# The sources are asked on every run, never remembered: what a mirror serves changes (issue 12).
# KCONNECTOR_RDKAFKA_FROM_SOURCE=1 takes the source path even where a source serves the package.

# Prints "yes" when one of nuget.config's http sources lists librdkafka.redist $RDKAFKA_VERSION,
# "no" when they answer without it, "unknown" when none answers. Asks each source's package base
# address (NuGet's flat container), which costs one small request and downloads nothing.
upstream_rdkafka_answer() {
  local answer=unknown url base versions
  while read -r url; do
    base="$(curl -fsSL -m 20 "$url" 2>/dev/null | tr -d ' \t\r\n' |
      grep -o '"@id":"[^"]*","@type":"PackageBaseAddress/3.0.0"' |
      grep -o 'http[^"]*' | head -1)" || true
    [ -n "$base" ] || continue
    # HTTP 404 (curl's exit 22) is the source's way of saying it has no such package.
    local rc=0
    versions="$(curl -fsSL -m 20 "${base%/}/librdkafka.redist/index.json" 2>/dev/null)" || rc=$?
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 22 ]; then continue; fi
    answer=no
    if echo "$versions" | grep -q "\"$RDKAFKA_VERSION\""; then
      echo yes
      return
    fi
  done < <(grep -o 'value="http[^"]*"' "$ROOT/nuget.config" | sed 's/value="//; s/"$//')
  echo "$answer"
}

build_rdkafka_package() {
  local work="$CACHE/build-librdkafka"
  rm -rf "$work" && mkdir -p "$work"
  step "building librdkafka $RDKAFKA_VERSION from source (about a minute, once per machine)"
  command -v npm >/dev/null || fail "npm is not on PATH" "install Node.js 20 and npm (Debian: nodejs npm), then re-run"
  (cd "$work" && npm pack --silent "$RDKAFKA_NPM_SOURCE" >/dev/null 2>"$work/npm.log") ||
    fail "npm pack $RDKAFKA_NPM_SOURCE (see $work/npm.log)" "check access to the npm registry, then re-run"
  tar -xzf "$work"/*.tgz -C "$work" package/deps/librdkafka ||
    fail "unpacking librdkafka's source" "remove $work and re-run"
  local src="$work/package/deps/librdkafka"
  (cd "$src" && ./configure --disable-gssapi >"$work/configure.log" 2>&1) ||
    fail "librdkafka ./configure (see $work/configure.log)" "install the packages it names, then re-run"
  (cd "$src" && make -j"$(nproc)" libs >"$work/make.log" 2>&1) ||
    fail "librdkafka make (see $work/make.log)" "read the log's last lines; usually a missing -dev package"
  local pkg="$work/pkg"
  mkdir -p "$pkg/runtimes/linux-x64/native"
  strip --strip-unneeded -o "$pkg/runtimes/linux-x64/native/librdkafka.so" "$src/src/librdkafka.so.1"
  cat >"$pkg/librdkafka.redist.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
    <PackageId>librdkafka.redist</PackageId>
    <Version>$RDKAFKA_VERSION</Version>
    <Authors>built locally by KConnector's build.sh</Authors>
    <Description>librdkafka $RDKAFKA_VERSION for linux-x64, built from source because no NuGet source served it.</Description>
    <IncludeBuildOutput>false</IncludeBuildOutput>
    <NoWarn>NU5128</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <None Include="runtimes/**" Pack="true" PackagePath="runtimes/" />
  </ItemGroup>
</Project>
EOF
  (cd "$pkg" && dotnet pack -c Release -o "$CACHE" >"$work/pack.log" 2>&1) ||
    fail "packing librdkafka.redist (see $work/pack.log)" "remove $CACHE and re-run"
  rm -rf "$work"
}

ensure_librdkafka() {
  mkdir -p "$NATIVE_FEED" "$PACKAGES"
  local nupkg="librdkafka.redist.$RDKAFKA_VERSION.nupkg" answer=no
  if [ "${KCONNECTOR_RDKAFKA_FROM_SOURCE:-0}" != 1 ]; then answer="$(upstream_rdkafka_answer)"; fi
  case "$answer" in
    yes)
      # The real package restores: a locally built copy must not stand in for it.
      rm -f "$NATIVE_FEED/$nupkg"
      return
      ;;
    unknown)
      if [ -f "$CACHE/$nupkg" ]; then
        step "no NuGet source answered; using the librdkafka $RDKAFKA_VERSION built earlier ($CACHE)"
      fi
      ;;
  esac
  [ -f "$CACHE/$nupkg" ] || build_rdkafka_package
  cp "$CACHE/$nupkg" "$NATIVE_FEED/"
}

setup() {
  ensure_dotnet
  ensure_apt_packages
  ensure_librdkafka
  step "restoring packages"
  (cd "$ROOT" && dotnet restore Generator.sln -v quiet) ||
    fail "dotnet restore" "the NuGet error above names the package; see docs/building.md"
}

build_all() {
  step "building ($CONFIGURATION, warnings as errors)"
  (cd "$ROOT" && dotnet build Generator.sln -c "$CONFIGURATION" --no-restore -v quiet -nologo -clp:ErrorsOnly) ||
    fail "dotnet build" "fix the compiler errors above"
  step "packing KConnector, the connectors, the kconnector tool and the template pack into artifacts/packages"
  (cd "$ROOT" && dotnet pack src/KConnector/KConnector.csproj -c "$CONFIGURATION" --no-build -o "$PACKAGES" -v quiet -nologo) ||
    fail "dotnet pack src/KConnector" "see the error above"
  # Kafka Connect's REST API for a hosted worker (kconnector run carries it inside the tool).
  (cd "$ROOT" && dotnet pack src/KConnector.Rest/KConnector.Rest.csproj -c "$CONFIGURATION" --no-build -o "$PACKAGES" -v quiet -nologo) ||
    fail "dotnet pack src/KConnector.Rest" "see the error above"
  # A hosted worker's POST /connectors: configs compiled at run time, as kconnector run compiles them.
  (cd "$ROOT" && dotnet pack src/KConnector.Compiler/KConnector.Compiler.csproj -c "$CONFIGURATION" --no-build -o "$PACKAGES" -v quiet -nologo) ||
    fail "dotnet pack src/KConnector.Compiler" "see the error above"
  # The template's built-in connector variants (--connector file-sink, sql-source, ...) reference these from this feed;
  # each connector package depends on KConnector.Connectors.Sdk, the pieces they share.
  # Every src/KConnector.Connectors.* project is packed (found, not listed: adding a connector edits no list).
  local project
  for project in "$ROOT"/src/KConnector.Connectors.*/KConnector.Connectors.*.csproj; do
    (cd "$ROOT" && dotnet pack "$project" -c "$CONFIGURATION" --no-build -o "$PACKAGES" -v quiet -nologo) ||
      fail "dotnet pack ${project#"$ROOT"/}" "see the error above"
  done
  if [ -f "$ROOT/src/KConnector.Cli/KConnector.Cli.csproj" ]; then
    (cd "$ROOT" && dotnet pack src/KConnector.Cli/KConnector.Cli.csproj -c "$CONFIGURATION" --no-build -o "$PACKAGES" -v quiet -nologo) ||
      fail "dotnet pack src/KConnector.Cli" "see the error above"
  fi
  # The template pack bakes this clone's artifacts/ folders and version into its defaults (docs/templates.md).
  (cd "$ROOT" && dotnet pack templates/KConnector.Templates.csproj -c "$CONFIGURATION" -o "$PACKAGES" -v quiet -nologo) ||
    fail "dotnet pack templates" "see the error above"
  restore_tools
}

# The kconnector tool is packed with a version of its own build (KCONNECTOR_TOOL_BUILD, read by
# its project), and listed at that version in .config/dotnet-tools.json, which this writes (git
# ignores it; dotnet merges it with the committed dotnet-tools.json, which holds the formatter).
# dotnet's tool resolver cache maps a package id and version to a path on the machine: with one
# fixed version, `dotnet kconnector` in one clone could run the tool another clone built (issue 12).
restore_tools() {
  step "restoring the local tools (csharpier, kconnector $TOOL_VERSION)"
  mkdir -p "$ROOT/.config"
  cat >"$ROOT/.config/dotnet-tools.json" <<EOF
{
  "version": 1,
  "isRoot": false,
  "tools": {
    "kconnector.cli": { "version": "$TOOL_VERSION", "commands": ["kconnector"], "rollForward": false }
  }
}
EOF
  (cd "$ROOT" && dotnet tool restore >/dev/null) ||
    fail "dotnet tool restore" "check access to the NuGet mirror and that artifacts/packages holds KConnector.Cli $TOOL_VERSION"
}

# --- commands ----------------------------------------------------------------------------------
cmd_test() {
  SUMMARY_ON_FAILURE=1
  setup
  build_all
  step "checking formatting (CSharpier)"
  local format_failed=0
  (cd "$ROOT" && dotnet csharpier check . >/dev/null 2>&1) || format_failed=1
  if [ "$format_failed" -ne 0 ]; then
    (cd "$ROOT" && dotnet csharpier check . 2>&1 | head -20) || true
    echo "formatting differs: run 'dotnet csharpier format .' and commit the result" >&2
  fi
  step "running every test project"
  local results="$ROOT/artifacts/test-results"
  rm -rf "$results" && mkdir -p "$results"
  local test_rc=0
  (cd "$ROOT" && dotnet test Generator.sln -c "$CONFIGURATION" --no-build --results-directory "$results" \
    --logger "trx" --logger "console;verbosity=minimal" -nologo) || test_rc=$?
  summarize "$results" "$test_rc" "$format_failed"
}

# Sums the trx counters of every test project into the one line CI reads.
summarize() {
  local results="$1" test_rc="$2" format_failed="$3"
  local passed=0 failed=0 skipped=0 files=0
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    files=$((files + 1))
    local counters
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
    local p f n
    p="$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')"
    f="$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')"
    n="$(echo "$counters" | grep -o ' notExecuted="[0-9]*"' | grep -o '[0-9]*')"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    skipped=$((skipped + ${n:-0}))
  done
  local projects
  projects="$(cd "$ROOT" && dotnet sln Generator.sln list | grep -c 'Tests\.csproj$' || true)"
  # A test project that crashed or wrote no results counts as a failure, never as silence.
  if [ "$files" -lt "$projects" ]; then failed=$((failed + projects - files)); fi
  if [ "$format_failed" -ne 0 ]; then failed=$((failed + 1)); fi
  if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  echo
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
}

cmd_demo() {
  setup
  build_all
  step "running the quickstart"
  (cd "$ROOT" && dotnet run --project src/KConnector.Quickstart -c "$CONFIGURATION" --no-build -- "$@")
}

# Builds librdkafka from source into $KCONNECTOR_CACHE and prints the package's path, whatever the
# NuGet sources serve: the fresh-machine path of a mirror without the package, kept tested
# (tests/KConnector.Templates.Tests/LibRdKafkaFromSourceTests.cs).
cmd_librdkafka_from_source() {
  ensure_apt_packages
  build_rdkafka_package
  echo "$CACHE/librdkafka.redist.$RDKAFKA_VERSION.nupkg"
}

case "${1:-}" in
  test) shift; cmd_test "$@" ;;
  demo) shift; cmd_demo "$@" ;;
  librdkafka-from-source) cmd_librdkafka_from_source ;;
  *)
    echo "usage: ./build.sh demo | test" >&2
    exit 2
    ;;
esac
