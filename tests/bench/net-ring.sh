#!/bin/bash
# Benchmark: TCP bulk throughput of package/echo on hvt, through kiln-hvt's
# shared network ring and through hypercalls (--no-net-ring), side by side
# in one run. Prints numbers; it checks nothing (tests/echo.bats does).
#
#   tests/bench/net-ring.sh [O=<dir>]   (default: output/; works in <dir>/bench-net-ring)
#
#   - a TCP echo of KILN_BENCH_MIB MiB (default 16) on one connection,
#     KILN_BENCH_RUNS times each way (default 3): seconds and MiB/s each
#     way (the bytes go out and come back), median
#
# Where this machine's KVM will not do (none here), kiln-hvt runs in the
# VM of scripts/kvm-in-qemu (TCG; KILN_VM_CPUS vCPUs, default 2 on a
# machine with 2 cores, so the tender's I/O thread need not share the
# guest's), so the numbers say little about a real KVM.
# The link: a network namespace of the benchmark's own (in the VM when
# there is one) with a tap; 10.87.11.1 the client, 10.87.11.2 echo. Needs
# root and lwIP's archive (a local mirror of Debian's source archive,
# tests/mirror/build-mirror).
set -u

. "$(dirname "$0")/lib.bash"

# inside WORK MIB RUNS: the measuring, where kiln-hvt runs (this script
# runs itself there with "inside" as its first argument).
if [ "${1:-}" = inside ]; then
	work=$2 mib=$3 runs=$4
	ns=kiln-bench-ring-$$
	guest=
	cleanup() {
		[ -z "$guest" ] || { kill "$guest" 2>/dev/null; wait "$guest" 2>/dev/null; }
		ip netns del "$ns" 2>/dev/null
	}
	trap cleanup EXIT
	ip netns add "$ns" && ip netns exec "$ns" ip link set dev lo up &&
		ip netns exec "$ns" ip tuntap add dev tap0 mode tap &&
		ip netns exec "$ns" ip addr add 10.87.11.1/24 dev tap0 &&
		ip netns exec "$ns" ip link set dev tap0 up || { echo "cannot set up the namespace"; exit 1; }
	for way in ring hypercalls; do
		opts=()
		[ "$way" = hypercalls ] && opts=(--no-net-ring)
		ip netns exec "$ns" "$work/hvt/host/bin/kiln-hvt" --mem=64 --net:service0=tap0 \
			"${opts[@]}" "$work/hvt/images/echo.hvt" --ipv4=10.87.11.2/24 >"$work/$way.console" 2>&1 &
		guest=$!
		for _ in $(seq 300); do
			grep -q "^echo: serving" "$work/$way.console" && break
			sleep 0.1
		done
		for _ in $(seq "$runs"); do
			start=$(date +%s%N)
			if ip netns exec "$ns" "$top/tests/lib/echo-client.py" tcp 10.87.11.2 7 \
				$((mib * 1048576)) >>"$work/$way.client" 2>&1; then
				echo "$way $(( ($(date +%s%N) - start) / 1000 ))"
			else
				echo "$way failed"
			fi
		done
		kill "$guest" 2>/dev/null
		wait "$guest" 2>/dev/null
		guest=
	done
	exit 0
fi

bench_args "$@"
work=$out/bench-net-ring
mib=${KILN_BENCH_MIB:-16}
runs=${KILN_BENCH_RUNS:-3}
vm=$top/scripts/kvm-in-qemu
rm -rf "$work"
bench_log "$work/bench.log"
[ "$(id -u)" -eq 0 ] || bench_fail "needs root: a network namespace and a tap device (run it as root)"
mirror=$("$top/tests/mirror/build-mirror" lwip 2>>"$log") ||
	bench_fail "no mirror with lwIP's archive (tests/mirror/build-mirror lwip)" "$log"
KILN_DL_DIR=$work/dl KILN_PRIMARY_SITE=file://$mirror bench_make_logged O="$work/hvt" hvt_echo_defconfig &&
	KILN_DL_DIR=$work/dl KILN_PRIMARY_SITE=file://$mirror bench_make_logged O="$work/hvt" \
		KILN_PRIMARY_SITE_ONLY=y -j2 all ||
	bench_fail "building hvt_echo_defconfig failed" "$log"

where="this machine's KVM"
runner=()
if [ "$("$top/scripts/kvm-probe")" != hardware ]; then
	# Two vCPUs where there are two cores: the ring's I/O thread and the
	# guest's vCPU each get one, as on a real host.
	cpus=1
	[ "$(nproc)" -ge 2 ] && cpus=2
	export KILN_VM_CPUS=${KILN_VM_CPUS:-$cpus}
	where="the TCG VM of scripts/kvm-in-qemu ($KILN_VM_CPUS vCPUs)"
	runner=("$vm" run --rw "$work" --)
fi
echo "Kiln hvt network ring benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg), kiln-hvt in $where, log $log)"
results=$("${runner[@]}" "$0" inside "$work" "$mib" "$runs" 2>>"$log") ||
	bench_fail "the measuring failed" "$log"
printf '%s\n' "$results" >>"$log"

printf '\n%-34s %10s %10s  %s\n' "TCP echo, $mib MiB, 1 connection" "s (median)" "MiB/s" "runs (s)"
for way in ring hypercalls; do
	times=() all=""
	while read -r w t; do
		[ "$w" = "$way" ] || continue
		[ "$t" = failed ] && { all+="failed "; continue; }
		times+=("$t")
		all+="$(secs "$t") "
	done <<<"$results"
	if [ ${#times[@]} -eq 0 ]; then
		printf '%-34s %10s %10s  %s\n' "$way" - - "${all:-none}(see $log)"
		continue
	fi
	m=$(median "${times[@]}")
	printf '%-34s %10s %10s  %s\n' "$way" "$(secs "$m")" \
		"$(awk -v b="$mib" -v u="$m" 'BEGIN { printf "%.2f", b / (u / 1e6) }')" "$all"
done
echo
echo "MiB/s counts the bytes sent (each also comes back). This machine's other load makes these"
echo "numbers noisy: compare the two ways within one run, not runs."
