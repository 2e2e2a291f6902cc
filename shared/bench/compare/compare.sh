#!/usr/bin/env bash
# Lessons 02 (echo) and 03 (broadcast) next to the same servers on Node.js + `ws`, on this
# machine, in one run: the figures of docs/performance.md. A developer's tool, not part of the
# course: `ws` is installed in a scratch folder under the build directory (or taken from
# $WS_NODE_MODULES), never into the repository.
#
#   shared/bench/compare/compare.sh            # build the release preset, run everything
#
# Environment (all optional):
#   BUILD_DIR=build/release   where to build lesson02-solution, lesson03-solution, wscourse-loadgen
#   WS_NODE_MODULES=DIR       a node_modules folder that holds ws (else: npm install into BUILD_DIR)
#   ECHO_SECONDS=10           echo: measured seconds per run (C=64, 32-byte messages)
#   BROADCAST_MESSAGES=2000   broadcast: messages per run (R=1000, 64 bytes, W=16)
#   IDLE_CONNECTIONS=10000    connections: idle connections per run
#   REPEAT=1                  runs of each scenario (the table shows the median)
#   PIN=1                     pin the server to CPU 0 and the load generator to CPU 1
#   ONLY="echo idle broadcast" the scenarios to run
#
# Loopback only; every server is started on a free port and stopped on exit (even on Ctrl-C).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${BUILD_DIR:-$root/build/release}
[[ $build = /* ]] || build=$root/$build
echo_seconds=${ECHO_SECONDS:-10}
broadcast_messages=${BROADCAST_MESSAGES:-2000}
idle_connections=${IDLE_CONNECTIONS:-10000}
repeat=${REPEAT:-1}
pin=${PIN:-1}
only=${ONLY:-echo idle broadcast}

say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }
fail() { printf 'compare.sh: %s\n' "$*" >&2; exit 1; }

# --- build --------------------------------------------------------------------------------
if [[ ! -f $build/CMakeCache.txt ]]; then
    if [[ $build = "$root/build/release" ]]; then
        say "configuring the release preset"
        (cd "$root" && cmake --preset release -G Ninja >/dev/null)
    else
        say "configuring $build (Release)"
        cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
              -DWSCOURSE_BUILD_EXERCISES=OFF >/dev/null
    fi
fi
have_target() { cmake --build "$build" --target help 2>/dev/null | grep -q "^$1:"; }
targets=(wscourse-loadgen lesson02-solution)
have_target lesson03-solution && targets+=(lesson03-solution)
say "building ${targets[*]} in $build"
cmake --build "$build" --target "${targets[@]}" >/dev/null
bin=$build/bin
loadgen=$bin/wscourse-loadgen

# --- ws, in a scratch folder --------------------------------------------------------------
modules=${WS_NODE_MODULES:-$build/ws-compare/node_modules}
if [[ ! -f $modules/ws/package.json ]]; then
    [[ -z ${WS_NODE_MODULES:-} ]] || fail "WS_NODE_MODULES=$modules holds no ws package"
    say "installing ws into $build/ws-compare (scratch, not a course dependency)"
    npm install ws@8 --prefix "$build/ws-compare" --no-audit --no-fund --silent >/dev/null \
        || fail "npm install ws failed"
fi
ws_version=$(node -p "require('$modules/ws/package.json').version")

# --- servers ------------------------------------------------------------------------------
ulimit -n "$(ulimit -Hn)"  # 10 000 connections need 10 000 descriptors on each side
results=$build/bench-results/$(date +%Y%m%d-%H%M%S)
mkdir -p "$results"
server_pid=""
server_port=""

stop_server() {
    [[ -n $server_pid ]] || return 0
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

server_cpu=()
generator_cpu=()
if [[ $pin = 1 && $(nproc) -ge 2 ]] && command -v taskset >/dev/null; then
    server_cpu=(taskset -c 0)
    generator_cpu=(taskset -c 1)
fi

# start_server NAME COMMAND...: runs it on a free port and waits (10 s at most) for its
# "listening on http://127.0.0.1:PORT/" line.
server_runs=0
start_server() {
    local name=$1; shift
    # A log of its own for each run: an earlier server's "listening on" must never be read.
    local log=$results/$name.$((++server_runs)).server.log
    NODE_PATH=$modules "${server_cpu[@]}" "$@" >"$log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do
        server_port=$(grep -som1 'listening on http://127\.0\.0\.1:[0-9]*' "$log" | grep -o '[0-9]*$' || true)
        [[ -n $server_port ]] && return 0
        kill -0 "$server_pid" 2>/dev/null || fail "$name exited at start: $(tail -3 "$log")"
        sleep 0.1
    done
    fail "$name did not say where it listens within 10 s (see $log)"
}

# run SERVER SCENARIO MODE LOADGEN-ARGS...: one load generator run against SERVER, its JSON kept.
run() {
    local name=$1 scenario=$2 mode=$3; shift 3
    local out=$results/$scenario.$name.jsonl
    say "$scenario: $name"
    if "${generator_cpu[@]}" "$loadgen" "$mode" --url "ws://127.0.0.1:$server_port/ws" \
          --server-pid "$server_pid" --json-only "$@" >>"$out"; then
        tail -1 "$out" >&2
    else
        echo '{"failed":true}' >>"$out"
        echo "(failed)" >&2
    fi
}

declare -A server_command=(
    [lesson02]="$bin/lesson02-solution --port 0"
    [lesson03]="$bin/lesson03-solution --port 0"
    [ws-echo]="node $here/echo-server.cjs 0"
    [ws-broadcast]="node $here/broadcast-server.cjs 0"
)

# scenario SCENARIO "SERVER..." MODE LOADGEN-ARGS...: each server, fresh, REPEAT times, alternating.
scenario() {
    local name=$1 servers=$2; shift 2
    [[ " $only " = *" $name "* ]] || return 0
    for ((i = 1; i <= repeat; i++)); do
        for server in $servers; do
            # shellcheck disable=SC2086  # the command is words on purpose
            start_server "$server" ${server_command[$server]}
            run "$server" "$name" "$@"
            stop_server
        done
    done
}

uptime_before=$(uptime)
scenario echo "lesson02 ws-echo" echo --connections 64 --size 32 --duration "$echo_seconds"
scenario idle "lesson02 ws-echo" connections --count "$idle_connections" --hold 5
broadcast_servers="ws-broadcast"
if [[ -x $bin/lesson03-solution ]]; then
    broadcast_servers="lesson03 ws-broadcast"
else
    say "lesson 03 is not built yet: broadcast runs against ws only"
fi
scenario broadcast "$broadcast_servers" broadcast --receivers 1000 --messages "$broadcast_messages" \
    --window 16 --size 64 --drain 10

# --- the table ----------------------------------------------------------------------------
say "machine"
{
    echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    echo "kernel: $(uname -r)   g++: $(g++ -dumpfullversion)   node: $(node --version)   ws: $ws_version"
    echo "load before: ${uptime_before##*load average: }   after: $(uptime | sed 's/.*load average: //')"
    echo "pinned: $([[ ${#server_cpu[@]} -gt 0 ]] && echo 'server CPU 0, load generator CPU 1' || echo no)"
    echo "raw results: $results"
} | tee "$results/machine.txt"
echo
node "$here/table.cjs" "$results" | tee "$results/table.md"
