# tests/lib/distcc-helpers.bash: distcc helpers (distccd servers) on this
# machine, for tests/distcc.bats and tests/bench/distcc.sh. Root only (a
# network namespace, mounts). Two helpers, each a distccd of its own with
# its own log and compiler processes:
#
#   loopback  on 127.0.0.1, a free port
#   netns     in a network namespace made here, on the private address of
#             a veth pair's inner end (10.213.<n>.2; this side is .1)
#
# Each runs in mount and PID namespaces of its own: the folders named in
# DISTCC_HIDE (an array: Kiln's tree, the output folders) are empty
# there, so a helper compiles only what this machine preprocessed and sent
# it; and killing the helper's distccd, the first process of its PID
# namespace, ends every process it has, the compilers included, as a
# machine going away would.
#
# A helpers folder DIR holds, per helper NAME: NAME.log (the distccd's
# log), NAME.pid (its distccd), NAME.unshare (the process that waits for
# it), NAME.addr; and hosts (the DISTCC_HOSTS value naming both), netns
# (the namespace's name).

# The compilers distccd serves are those with a link in its masquerade
# folder (Debian: /usr/lib/distcc, kept by update-distcc-symlinks). distcc
# sends gcc as <machine>-gcc, and ccache sends it as /usr/bin/gcc, which
# distccd takes as gcc.
DISTCC_MASQUERADE_DIR=/usr/lib/distcc

# distcc_helpers_up DIR: start both helpers; fails saying why.
distcc_helpers_up() {
	local dir=$1 cc port n ns=kiln-distcc-$$ outer=kdc$$h inner=kdc$$n
	mkdir -p "$dir" && rm -f "$dir"/* || return 1
	for cc in gcc "$(gcc -dumpmachine)-gcc"; do
		[ -e "$DISTCC_MASQUERADE_DIR/$cc" ] || {
			echo "distccd would refuse $cc: it is not in $DISTCC_MASQUERADE_DIR (run update-distcc-symlinks as root)" >&2
			return 1
		}
	done
	port=$(distcc_free_port) || { echo "no free TCP port on 127.0.0.1 for a helper" >&2; return 1; }
	distcc_helper_start "$dir" loopback 127.0.0.1 "$port" 127.0.0.1 || return 1

	n=$(distcc_free_subnet) || { echo "no free 10.213.<n>.0/30 for the helpers' veth pair" >&2; return 1; }
	ip netns add "$ns" || return 1
	echo "$ns" >"$dir/netns"
	echo "$outer" >"$dir/veth"
	ip link add "$outer" type veth peer name "$inner" netns "$ns" &&
		ip addr add "10.213.$n.1/30" dev "$outer" && ip link set "$outer" up &&
		ip -n "$ns" addr add "10.213.$n.2/30" dev "$inner" && ip -n "$ns" link set "$inner" up &&
		ip -n "$ns" link set lo up || { echo "cannot set up the veth pair into $ns" >&2; return 1; }
	distcc_helper_start "$dir" netns "10.213.$n.2" 3632 "10.213.$n.1" ip netns exec "$ns" || return 1

	echo "127.0.0.1:$port/2 10.213.$n.2:3632/2" >"$dir/hosts"
}

# distcc_helpers_down DIR: stop both helpers, remove the namespace.
distcc_helpers_down() {
	local dir=$1 name
	for name in loopback netns; do
		distcc_helper_kill "$dir" "$name"
	done
	if [ -f "$dir/netns" ]; then
		ip netns del "$(cat "$dir/netns")" 2>/dev/null || true
		rm -f "$dir/netns"
	fi
	# Gone with the namespace's end of the pair; this only if that failed.
	if [ -f "$dir/veth" ]; then
		ip link del "$(cat "$dir/veth")" 2>/dev/null || true
		rm -f "$dir/veth"
	fi
}

# distcc_helper_start DIR NAME ADDRESS PORT CLIENT [PREFIX...]: a distccd
# on ADDRESS:PORT taking compiles from CLIENT, run under PREFIX (ip netns
# exec NS), two jobs at a time; waits until it listens.
distcc_helper_start() {
	local dir=$1 name=$2 addr=$3 port=$4 client=$5 waited=0
	shift 5
	echo "$addr" >"$dir/$name.addr"
	# The log is opened here, before the mounts hide anything. distccd drops
	# root for its own user; its temporary files go to /tmp.
	"$@" unshare --pid --fork --kill-child --mount sh -c '
		n=$1
		shift
		while [ "$n" -gt 0 ]; do
			[ ! -d "$1" ] || mount -t tmpfs kiln-hidden "$1" || exit 1
			shift
			n=$((n - 1))
		done
		export TMPDIR=/tmp
		exec distccd "$@"' sh "${#DISTCC_HIDE[@]}" "${DISTCC_HIDE[@]}" \
		--daemon --no-detach --log-stderr --log-level info --jobs 2 \
		--listen "$addr" --port "$port" --allow "$client" \
		>"$dir/$name.log" 2>&1 3>&- &
	echo $! >"$dir/$name.unshare"
	until grep -q 'listening on' "$dir/$name.log"; do
		if ! kill -0 "$(cat "$dir/$name.unshare")" 2>/dev/null || [ $waited -ge 100 ]; then
			echo "the $name helper (distccd on $addr:$port) did not start; its log:" >&2
			cat "$dir/$name.log" >&2
			return 1
		fi
		sleep 0.1
		waited=$((waited + 1))
	done
	# distccd, unshare's one child. (Killing unshare would not end it:
	# distccd leaves root, which clears the parent-death signal unshare
	# gave it.)
	local unshare children
	unshare=$(cat "$dir/$name.unshare")
	children=$(cat "/proc/$unshare/task/$unshare/children" 2>/dev/null)
	[ -n "$children" ] || { echo "the $name helper's distccd is not a child of unshare ($unshare)" >&2; return 1; }
	echo "${children%% *}" >"$dir/$name.pid"
}

# distcc_helper_kill DIR NAME: end the helper and every process it has
# (the kernel ends a PID namespace's processes with its first). The shell
# that started it reaps it: here, or later in distcc_helpers_down.
distcc_helper_kill() {
	local dir=$1 name=$2 unshare status=0
	[ ! -f "$dir/$name.pid" ] || kill -KILL "$(cat "$dir/$name.pid")" 2>/dev/null || true
	rm -f "$dir/$name.pid"
	[ -f "$dir/$name.unshare" ] || return 0
	unshare=$(cat "$dir/$name.unshare")
	kill -KILL "$unshare" 2>/dev/null || true
	wait "$unshare" 2>/dev/null || status=$?
	# 127: not this shell's child.
	[ $status -eq 127 ] || rm -f "$dir/$name.unshare"
}

# distcc_helper_alive DIR NAME: true while the helper's distccd runs.
distcc_helper_alive() {
	[ -f "$1/$2.pid" ] && kill -0 "$(cat "$1/$2.pid")" 2>/dev/null
}

# distcc_helper_jobs DIR NAME: how many compiles the helper has done.
distcc_helper_jobs() {
	grep -c ' COMPILE_OK ' "$1/$2.log" || true
}

# distcc_helper_job_ms DIR NAME: the time its compiles took, in ms, summed
# (distccd's own count, from receiving a job to sending its object).
distcc_helper_job_ms() {
	sed -n 's/.* COMPILE_OK .* time:\([0-9]*\)ms .*/\1/p' "$1/$2.log" | awk '{ t += $1 } END { print t + 0 }'
}

# distcc_free_port: a TCP port nothing listens on.
distcc_free_port() {
	local p
	for p in $(seq 36320 36419); do
		if [ -z "$(ss -Hltn "sport = :$p")" ]; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

# distcc_free_subnet: n with no address of 10.213.<n>.0/30 on this machine.
distcc_free_subnet() {
	local i n
	for i in $(seq 0 249); do
		n=$(((i + $$) % 250 + 1))
		if [ -z "$(ip -o addr show to "10.213.$n.0/30")" ]; then
			echo "$n"
			return 0
		fi
	done
	return 1
}
