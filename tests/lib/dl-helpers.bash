# Helpers for tests/dl.bats: build kiln-dl, run tests/lib/httpd.py, make test archives.

# The Kiln tree (tests/lib/common.bash sets KILN_TOP; dl.bats sets KILN_ROOT).
KILN_ROOT=${KILN_ROOT:-$KILN_TOP}

# Build kiln-dl from the sources scripts/dl/dl.mk lists, unless $KILN_DL names a binary.
dl_build() {
	if [ -n "${KILN_DL:-}" ]; then
		[ -x "$KILN_DL" ] || { echo "KILN_DL=$KILN_DL is not an executable" >&2; return 1; }
		return 0
	fi
	local dir="$KILN_ROOT/scripts/dl" names libs sources=() src
	# Ask make, so continuation lines and the like in dl.mk are read the way the build reads
	# them; without the flags of a calling `make check`.
	names=$(dl_mk_variable KILN_DL_SOURCES) libs=$(dl_mk_variable KILN_DL_LDLIBS)
	for src in $names; do
		sources+=("$dir/$src")
	done
	[ ${#sources[@]} -gt 0 ] || { echo "no KILN_DL_SOURCES in $dir/dl.mk" >&2; return 1; }
	export KILN_DL="$BATS_FILE_TMPDIR/kiln-dl"
	# shellcheck disable=SC2086 # $libs is a list of -l flags
	gcc -std=gnu11 -O2 -Wall -Wextra -Werror -o "$KILN_DL" "${sources[@]}" $libs
}

# The value of a variable scripts/dl/dl.mk sets, as make reads it.
dl_mk_variable() {
	# shellcheck disable=SC2016 # $(...) is for make, not the shell
	printf 'print:\n\t@echo $(%s)\n' "$1" |
		env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s --no-print-directory \
			-f "$KILN_ROOT/scripts/dl/dl.mk" -f - print
}

# Start tests/lib/httpd.py on a free port: httpd_launch <port file> <log> [httpd.py options].
# Sets LAUNCHED_PID, and LAUNCHED_PORT once it listens.
httpd_launch() {
	local portfile=$1 log=$2
	shift 2
	rm -f "$portfile"
	# fd 3 closed: bats waits for every process holding it before it finishes.
	python3 "$KILN_ROOT/tests/lib/httpd.py" --port-file "$portfile" --log "$log" "$@" 3>&- &
	LAUNCHED_PID=$!
	local _
	for _ in $(seq 100); do
		[ -s "$portfile" ] && break
		sleep 0.05
	done
	[ -s "$portfile" ] || { echo "tests/lib/httpd.py $* did not start" >&2; return 1; }
	LAUNCHED_PORT=$(cat "$portfile")
}

# The shared fixture server; sets HTTPD_PID, HTTP (base URL), HTTPD_LOG.
httpd_start() {
	export HTTPD_LOG="$BATS_FILE_TMPDIR/httpd.log"
	httpd_launch "$BATS_FILE_TMPDIR/httpd.port" "$HTTPD_LOG" --root "$1" \
		--stall-seconds 30 --slow-rate 64000 || return 1
	export HTTPD_PID=$LAUNCHED_PID HTTP="http://127.0.0.1:$LAUNCHED_PORT"
}

httpd_stop() {
	if [ -n "${HTTPD_PID:-}" ]; then
		kill "$HTTPD_PID" 2>/dev/null || true
	fi
}

# A file of random bytes; its sha256 line goes into the hash file.
make_archive() {
	local path=$1 size=$2 hashfile=$3
	head -c "$size" /dev/urandom >"$path"
	printf 'sha256  %s  %s\n' "$(sha256_of "$path")" "${path##*/}" >>"$hashfile"
}

sha256_of() {
	sha256sum "$1" | cut -d' ' -f1
}

# A port with nothing listening: bind, note, close.
refused_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
