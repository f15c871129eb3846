#!/usr/bin/env bash
# Start-up of published workers, JIT against Native AOT (docs/native-aot.md), beside the peer that
# uses Confluent.Kafka alone, with the Kafka cluster's own start measured apart from theirs.
#
#   startup.sh prepare <template-project-dir>
#       adds FirstRecordProbe.cs to a project made by `dotnet new kconnector` (one line on standard
#       output as soon as Kafka has acknowledged a task's first record); publish it (JIT, AOT, ...) after.
#   startup.sh peer <out-dir>
#       publishes tests/KConnector.StartupPeer as Native AOT into <out-dir>: Confluent.Kafka alone,
#       producing one record with a source task's producer settings; the floor under a worker's start.
#   startup.sh measure <executable-name> <RUNS> <publish-dir>...
#       RUNS rounds; each round starts every publish folder in turn (a worker's JIT or AOT publish,
#       named <executable-name>, or the peer's), first against a cluster already running in another
#       process (the KConnector.Throughput harness's `--cluster`, $CLUSTER_DLL, default
#       tests/KConnector.Throughput/bin/Release/net10.0/KConnector.Throughput.dll), then on the
#       embedded cluster the program starts inside itself (no bootstrap.servers). Rows are named
#       after the folders, so several AOT builds (one per publish setting) compare in one run.
#       Prints per start the milliseconds from exec to the source task running ("producing to"), to
#       its first record delivered, the CPU time the process had used by then (user + system: what
#       the start costs, much less sensitive to the machine's load than the wall clock; in 10 ms
#       clock ticks, and to the microsecond for the threads still alive), and its peak RSS; then
#       medians, sizes and the load average.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

prepare() {
  local project="$1"
  cat >"$project/FirstRecordProbe.cs" <<'EOF'
using KConnector.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Shop.Orders;

// Added by tests/KConnector.Throughput/startup.sh: one line on standard output (not the logger,
// which writes from a queue) as soon as a task has had a record acknowledged by Kafka.
public sealed class FirstRecordProbe(IServiceProvider services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var controller = services.GetRequiredService<IConnectorController>();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        for (var tick = 0; tick < 120_000 && await timer.WaitForNextTickAsync(stoppingToken); tick++)
        {
            foreach (var connector in controller.Connectors)
            {
                if (controller.GetTasks(connector).Sum(t => t.RecordsProcessed) > 0)
                {
                    Console.WriteLine("FIRST RECORD DELIVERED");
                    return;
                }
            }
        }
    }
}
EOF
  local anchor='builder.Services.AddHostedService<ProgressReporter>();'
  grep -qF "$anchor" "$project/Program.cs" || { echo "no '$anchor' in $project/Program.cs" >&2; exit 1; }
  sed -i "s|^builder.Services.AddHostedService<ProgressReporter>();|builder.Services.AddHostedService<Shop.Orders.FirstRecordProbe>();\n&|" "$project/Program.cs"
  echo "added FirstRecordProbe to $project"
}

ms_since() { # start (EPOCHREALTIME) -> whole milliseconds until now
  local now=$EPOCHREALTIME
  echo $(( (${now/./} - ${1/./}) / 1000 ))
}

# One start: prints "<ms to producing> <ms to first record> <CPU ms by then> <peak RSS KiB> <CPU us by then>". Every read waits at
# most 60 s; a program that does not get there is killed and reported with its output.
one_start() {
  local dir="$1" name="$2" bootstrap="$3" start running="-" first="-" cpu="-" rss="-" exact="-" line output=""
  local -a args=()
  if [ "$name" = "$PEER" ]; then
    [ -n "$bootstrap" ] && args+=("$bootstrap")
  else
    args+=(--Worker:listeners=http://127.0.0.1:0)
    [ -n "$bootstrap" ] && args+=("--Connector:bootstrap.servers=$bootstrap")
  fi
  start=$EPOCHREALTIME
  coproc WORKER { cd "$dir" && exec "./$name" "${args[@]}" 2>&1; }
  local pid=$WORKER_PID
  while IFS= read -r -t 60 line <&"${WORKER[0]}"; do
    output+="$line"$'\n'
    case "$line" in
      *"producing to"*) [ "$running" = "-" ] && running=$(ms_since "$start") ;;
      *"FIRST RECORD DELIVERED"*)
        first=$(ms_since "$start")
        rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo "-")
        # utime + stime (fields 14 and 15, after the parenthesised name) in clock ticks.
        cpu=$(awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); print int(($12 + $13) * 1000 / hz)}' "/proc/$pid/stat" 2>/dev/null || echo "-")
        # The same in nanoseconds (schedstat's first field), summed over the threads still alive:
        # /proc/<pid>/stat counts in clock ticks (10 ms), too coarse for starts of 30-50 ms.
        exact=$(cat /proc/"$pid"/task/*/schedstat 2>/dev/null | awk '{ns += $1} END {print int(ns / 1000)}')
        break ;;
    esac
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$first" = "-" ]; then
    echo "no first record from $dir/$name (bootstrap '${bootstrap:-embedded}'):" >&2
    echo "$output" >&2
    exit 1
  fi
  echo "$running $first $cpu $rss $exact"
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }

PEER=KConnector.StartupPeer

peer() {
  local out="$1"
  dotnet publish "$here/../KConnector.StartupPeer" -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo -v quiet
  echo "published the peer to $out/$PEER"
}

# The executable a publish folder holds: the peer's, or the worker's.
program_in() { if [ -x "$1/$PEER" ]; then echo "$PEER"; else echo "$2"; fi; }

# Bytes of what runs: a native binary, or a JIT publish's assemblies and host (plus the shared runtime).
program_size() {
  local dir="$1" name="$2"
  if compgen -G "$dir/*.dll" >/dev/null; then
    du -cb "$dir"/*.dll "$dir/$name" | tail -1 | cut -f1
  else
    stat -c %s "$dir/$name"
  fi
}

measure() {
  local name="$1" runs="$2"
  shift 2
  [ "$#" -gt 0 ] || { echo "measure: no publish folder given" >&2; exit 2; }
  local cluster_dll="${CLUSTER_DLL:-$here/bin/Release/net10.0/KConnector.Throughput.dll}"
  local results
  results=$(mktemp)
  # The cluster in its own process; its standard input (fd 3) is held open by this script and
  # closing it stops the cluster.
  local fifos cluster_start=$EPOCHREALTIME line bootstrap=""
  fifos=$(mktemp -d)
  mkfifo "$fifos/in" "$fifos/out"
  dotnet "$cluster_dll" --cluster <"$fifos/in" >"$fifos/out" &
  local cluster_pid=$!
  trap 'kill '"$cluster_pid"' 2>/dev/null || true; rm -rf '"$results $fifos" EXIT
  exec 3>"$fifos/in" 4<"$fifos/out"
  IFS= read -r -t 120 line <&4 || { echo "the cluster process did not start" >&2; exit 1; }
  case "$line" in BOOTSTRAP*) bootstrap="${line#BOOTSTRAP }" ;; *) echo "cluster: $line" >&2; exit 1 ;; esac
  echo "cluster process (JIT harness, three mock brokers) up in $(ms_since "$cluster_start") ms at $bootstrap"
  # The topic exists before the programs start, as it would in production.
  echo "orders 1" >&3
  IFS= read -r -t 60 line <&4
  [ "$line" = "CREATED" ] || { echo "cluster: $line" >&2; exit 1; }
  local -a keys=()
  local dir where
  for where in external embedded; do
    for dir in "$@"; do keys+=("$(basename "$dir") $where"); done
  done
  for i in $(seq "$runs"); do
    for where in external embedded; do
      for dir in "$@"; do
        local r
        r=$(one_start "$dir" "$(program_in "$dir" "$name")" "$([ "$where" = external ] && echo "$bootstrap")")
        echo "$(basename "$dir") $where $r" >>"$results"
        printf 'run %d: %-24s task running %5s ms, first record %5s ms, CPU %5s ms, peak RSS %6s KiB, CPU of live threads %6s us\n' \
          "$i" "$(basename "$dir") $where" $r
      done
    done
  done
  echo "medians of $runs:"
  local key
  for key in "${keys[@]}"; do
    printf '  %-24s task running %5s ms, first record %5s ms, CPU %5s ms, peak RSS %6s KiB, CPU of live threads %6s us\n' "$key" \
      "$(grep "^$key " "$results" | cut -d' ' -f3 | median)" \
      "$(grep "^$key " "$results" | cut -d' ' -f4 | median)" \
      "$(grep "^$key " "$results" | cut -d' ' -f5 | median)" \
      "$(grep "^$key " "$results" | cut -d' ' -f6 | median)" \
      "$(grep "^$key " "$results" | cut -d' ' -f7 | median)"
  done
  for dir in "$@"; do
    local program
    program=$(program_in "$dir" "$name")
    echo "size: $(basename "$dir"): $(program_size "$dir" "$program") bytes of $program" \
      "$(compgen -G "$dir/*.dll" >/dev/null && echo "(assemblies + host; the shared runtime apart)" || echo "(native binary)")," \
      "publish folder $(du -sb "$dir" | cut -f1) bytes"
  done
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
}

case "${1:-}" in
  prepare) shift; prepare "$@" ;;
  peer) shift; peer "$@" ;;
  measure) shift; measure "$@" ;;
  *) sed -n '2,21p' "$0" >&2; exit 2 ;;
esac
