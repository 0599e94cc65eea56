# tests/bench/lib.bash: what Kiln's benchmarks share. Each tests/bench/*.sh
# (bash) starts with
#
#   . "$(dirname "$0")/lib.bash"
#   bench_args "$@"
#
# which sets
#   top         the Kiln tree
#   bench_name  the script's name, for messages
#   out         the output folder (O=<dir>, default output/), absolute and
#               existing; a benchmark works in a folder of its own under it
# and gives helpers to run make and to time and summarise runs. (Not named
# *.sh: tests/bench/run runs every *.sh as a benchmark.)

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench_name=$(basename "$0")

# bench_args ARGS...: the benchmark's command line, [O=<dir>] only.
bench_args() {
	local arg
	out=$top/output
	for arg in "$@"; do
		case $arg in
		O=*) out=${arg#O=} ;;
		*) echo "$bench_name: unknown argument '$arg' (only O=<dir>)" >&2; exit 2 ;;
		esac
	done
	mkdir -p "$out" && out=$(cd "$out" && pwd) || exit 1
}

# bench_make ARGS...: make in the Kiln tree, without what a calling make
# (`make bench`) leaks into it.
bench_make() {
	env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make --no-print-directory -C "$top" "$@"
}

# bench_log FILE: the log bench_make_logged appends to ($log), emptied now.
bench_log() {
	log=$1
	mkdir -p "$(dirname "$log")" && : >"$log"
}

# bench_make_logged ARGS...: bench_make, its output appended to $log.
bench_make_logged() {
	bench_make "$@" >>"$log" 2>&1
}

# quietly CMD...: CMD, its output discarded.
quietly() {
	"$@" >/dev/null 2>&1
}

# bench_fail MESSAGE [LOG]: print "<name>: MESSAGE" (and the end of LOG) on
# stderr and exit 1.
bench_fail() {
	if [ -n "${2:-}" ]; then
		echo "$bench_name: $1; the end of $2:" >&2
		tail -n 30 "$2" >&2
	else
		echo "$bench_name: $1" >&2
	fi
	exit 1
}

# now: microseconds (bash's clock, no process started).
now() {
	local t=${EPOCHREALTIME/./}
	echo "${t#0}"
}

# timed CMD...: run CMD, print its wall time in microseconds; fail with it.
timed() {
	local t0 t1
	t0=$(now)
	"$@" || return 1
	t1=$(now)
	echo $((t1 - t0))
}

# median N...: the middle value (for an even count, the mean of the two
# middle ones, rounded down); nothing for no values.
median() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
		END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# cpu_us TIMES: the children's user + system time, in microseconds, from a
# clean_build's output: the wall time, then `times` (the children's line is
# the third).
cpu_us() {
	awk 'NR == 3 {
		n = split($0, f, " "); total = 0
		for (i = 1; i <= n; i++) { split(f[i], ms, "[ms]"); total += ms[1] * 60 + ms[2] }
		printf "%d", total * 1e6 }' <<<"$1"
}

# secs US: microseconds as seconds, 3 decimals; msecs US [DECIMALS]: as
# milliseconds, 2 decimals unless told.
secs() { awk -v u="$1" 'BEGIN { printf "%.3f", u / 1e6 }'; }
msecs() { awk -v u="$1" -v d="${2:-2}" 'BEGIN { printf "%.*f", d, u / 1e3 }'; }
