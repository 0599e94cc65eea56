#!/usr/bin/env bats
# Booting on the virtio platform on aarch64, QEMU's Arm virt board (through
# boot/virtio/kiln-qemu --machine=virt, as make run does; TCG, -cpu max):
# the shared cases of tests/lib/boot-cases.bash that the board supports, and
# what only it has (the device tree, W^X, the exit paths), and the net
# device's echo through a tap (as tests/net.bats does for x86_64).

load lib/common
PLATFORM=virtio
TARGET=virt
DEFCONFIG=qemu_aarch64_virt_defconfig
load lib/boot-cases

setup_file() {
	boot_cases_build
	kiln_make_logged "$OUT.log" "$OUT" KILN_EXTERNAL="$KILN_BOOT_TESTS" test-net test-stack >&3 || true
}

setup() {
	kiln_require_cmd qemu-system-aarch64 qemu-system-arm
}

@test "make run boots hello: greeting, exit status 0" { boot_case_make_run; }
@test "make run ARGS=... passes the arguments to main" { boot_case_make_run_args; }
@test "solo5_exit(N) is the exit status of make run's QEMU, for several N" { boot_case_solo5_exit; }
@test "exit(N) runs atexit handlers, and returning N from main, both exit N" { boot_case_exit_and_return; }
@test "abort() exits 255 with a message" { boot_case_abort; }
@test "a read outside guest memory is a guest fault: 254, reported, nothing after" { boot_case_fault_read_outside "far=0x140001000 \(read\)"; }
@test "a write to NULL is a guest fault (254)" { boot_case_fault write-null; }
@test "a write to the image's code is a guest fault (text is read-only)" { boot_case_fault write-text; }
@test "a smashed stack is caught: 'stack smashing detected', 255" { boot_case_ssp; }
@test "floating point: arithmetic and printf of doubles" { boot_case_fpu; }
@test "TLS: _Thread_local initial values, writes, a second block" { boot_case_tls; }
@test "clocks: monotonic advances across solo5_yield, wall clock is the host's" { boot_case_clocks; }
@test "block device: host data read, blocks round-trip, guest writes reach the file" { boot_case_block; }
@test "block device: what a boot wrote, the next boot reads" { boot_case_block_persists; }
@test "block device declared but not attached: error 1 naming it" { boot_case_block_not_attached; }

@test "a guest fault report names the exception class, the syndrome, the address and the registers" {
	run launch "$(image test-fault)" -- write-null
	assert_status 254
	assert_output_matches "^kiln: trap data abort esr=0x96[0-9a-f]{6} at pc=0x402[0-9a-f]{5} far=0x0 \(write\)$"
	assert_output_matches "^kiln: x0 =0x[0-9a-f]{16} x1 =0x[0-9a-f]{16} x2 =0x[0-9a-f]{16} x3 =0x[0-9a-f]{16}$"
	assert_output_matches "^kiln: elr=0x[0-9a-f]{16} spsr=0x[0-9a-f]{16}$"
	assert_output_matches "^kiln:   #0 0x"
}

@test "a write to the image's code faults as a permission fault, not a missing page (W^X mapping)" {
	run launch "$(image test-fault)" -- write-text
	assert_status 254
	# ESR DFSC 0b0011xx: permission fault, level 1-3; the write bit (WnR) set.
	assert_output_matches "^kiln: trap data abort esr=0x960000(4c|4d|4e|4f) .* \(write\)$"
}

@test "an abort's backtrace is resolved to functions and lines (scripts/kiln-symbolize, as make run does)" {
	run "$KILN_TOP/scripts/kiln-symbolize" --image="$(image test-abort)" --tree="$KILN_TOP" \
		--output="$OUT" -- "$KILN_TOP/boot/virtio/kiln-qemu" --machine=virt "$(image test-abort)"
	assert_status 255
	assert_output_matches "#[0-9]+ 0x[0-9a-f]+ in main at .*test-abort\.c:[0-9]+"
}

@test "a stack overflow runs into the unmapped guard and is reported from the exception stack: 254" {
	run launch "$(image test-stack)" --mem=64
	assert_status 254
	assert_output_matches "^kiln: stack overflow: the stack ran into its guard page at 0x43f7f000 \(guard 0x43f70000-0x43f80000, stack 0x43f80000-0x44000000\)$"
	assert_output_matches "^kiln: trap data abort esr=0x96[0-9a-f]{6} at pc=0x[0-9a-f]+ far=0x43f7[0-9a-f]{4} \(write\)$"
	assert_output_lacks "survived"
	# A stack that fits is not disturbed.
	run launch "$(image test-stack)" --mem=64 -- 200
	assert_status 0
	assert_output_has "test-stack: survived"
}

@test "the device tree reaches the guest: RAM, PL011, PL031, PSCI, virtio-mmio (--solo5:debug)" {
	run launch "$(image hello)" --mem=64 -- --solo5:debug one
	assert_status 0
	assert_output_has "kiln: virtio: aarch64 virt, RAM 0x40000000-0x44000000, PL011 0x9000000, PL031 0x9010000, PSCI hvc, 32 virtio-mmio slots"
	assert_output_has "kiln: virtio guest, 64 MiB"
	assert_output_has "command line: hello one"
}

@test "without semihosting the guest powers off through PSCI: QEMU exits 0, the status printed" {
	local img
	img=$(image test-exit)
	run timeout 60 qemu-system-aarch64 -M virt -cpu cortex-a57 -m 64 -nodefaults -no-user-config \
		-display none -no-reboot -serial stdio -kernel "$img" -append "--solo5:info 42"
	assert_status 0
	assert_output_has "test-exit: status 42 by solo5_exit"
	assert_output_has "kiln: solo5_exit(42) called"
}

# virt_qemu MACHINE-OPTIONS IMAGE ARGS: QEMU's virt as kiln-qemu runs it, with
# MACHINE-OPTIONS added (virtualization=on: started at EL2; secure=on: EL3).
virt_qemu() {
	timeout 60 qemu-system-aarch64 -M "virt,$1" -cpu max -m 64 -nodefaults -no-user-config \
		-display none -no-reboot -serial stdio -semihosting-config enable=on,target=native \
		-kernel "$2" -append "$3"
}

@test "started at EL2 (virtualization=on) the image drops to EL1 and runs; at EL3 (secure=on) it says so and exits 1" {
	run virt_qemu virtualization=on "$(image test-exit)" "--solo5:debug 42"
	assert_status 42
	assert_output_has "PSCI smc"
	assert_output_has "test-exit: status 42 by solo5_exit"
	run virt_qemu secure=on "$(image test-exit)" "42"
	assert_status 1
	assert_output_has "kiln: virtio: started at EL3 (QEMU secure=on?)"
	assert_output_lacks "test-exit:"
}

@test "block devices are found in the order QEMU created them (the manifest's): a swapped pair is refused by serial" {
	local a=$KILN_SUITE_TMP/order-a.img b=$KILN_SUITE_TMP/order-b.img
	rm -f "$a" "$b"
	truncate -s 64K "$a"
	truncate -s 64K "$b"
	run launch "$(image test-block)" --block:other="$a" --block:storage="$b"
	assert_status 1
	assert_output_matches "virtio block device at MMIO 0x0a003e00 is \"other\" \(its serial\), but the manifest's block device in its place is \"storage\""
}

@test "net device: the guest echoes frames through a tap, MACs swapped, up to a full MTU (virtio-mmio)" {
	[ "$(id -u)" -eq 0 ] || skip "tap devices need root (run the suite as root)"
	[ -c /dev/net/tun ] || skip "no /dev/net/tun (modprobe tun)"
	kiln_require_cmd ip iproute2
	local tap=kv$$n$BATS_TEST_NUMBER mac=02:00:00:00:4b:0a log=$BATS_TEST_TMPDIR/guest.log err
	tap=${tap:0:15}
	err=$(ip tuntap add dev "$tap" mode tap 2>&1) || skip "cannot create a tap device ($tap): $err"
	sysctl -qw "net.ipv6.conf.$tap.disable_ipv6=1" >/dev/null 2>&1 || true
	ip link set dev "$tap" up
	# test-net waits 30 s for each frame: the echo helper starts after it.
	kiln_boot "$(kiln_launcher virt)" "$(image test-net)" --net:service0="$tap" \
		--net-mac:service0="$mac" -- 5 30 >"$log" 2>&1 3>&- &
	local pid=$! waited=0
	until grep -q "^test-net: echoing" "$log"; do
		if ! kill -0 "$pid" 2>/dev/null || [ "$waited" -ge 600 ]; then
			kill "$pid" 2>/dev/null || true
			ip link del dev "$tap" || true
			echo "test-net did not get to wait for frames; its console:"
			cat "$log"
			return 1
		fi
		sleep 0.1
		waited=$((waited + 1))
	done
	local helper_status=0 helper_output
	helper_output=$("$KILN_TOP/tests/lib/net-echo.py" "$tap" "$mac" 5 10) || helper_status=$?
	status=0
	wait "$pid" || status=$?
	output=$(cat "$log")
	ip link del dev "$tap" || true
	printf 'host side:\n%s\n' "$helper_output"
	[ "$helper_status" -eq 0 ]
	assert_status 0
	assert_output_has "test-net: mac $mac mtu 1500"
	assert_output_has "test-net: echoed frame 2 (1514 bytes)"
	assert_output_has "test-net: OK (5 echoed"
}

@test "make run says it runs under TCG, and kiln-qemu refuses an x86_64 image for virt" {
	image hello >/dev/null
	run kiln_make_run "$OUT"
	assert_status 0
	assert_output_matches "^kiln-qemu: virt under TCG"
	run "$KILN_TOP/boot/virtio/kiln-qemu" --machine=virt /bin/true
	assert_status 1
	assert_output_has "not aarch64"
	run launch "$(image hello)" --mem=2
	assert_status 1
	assert_output_has "--mem=2: too little for --machine=virt"
	# 4 MiB is enough for hello.
	run launch "$(image hello)" --mem=4
	assert_status 0
	assert_output_has "Hello from Kiln!"
}

@test "the device tree reader: QEMU's virt tree read, truncated and corrupted trees refused (host, ASan and UBSan)" {
	kiln_require_cmd clang clang
	run make -s -C "$KILN_TOP/boot/common/fuzz" test O="$KILN_SUITE_TMP/fdt"
	assert_status 0
	assert_output_has "test-fdt: ok: QEMU's virt tree reads to its end"
	assert_output_has "test-fdt: ok: every truncation of the blocks in use is refused"
	assert_output_lacks "FAILED"
	assert_output_has "test-fdt: OK"
}

@test "fuzz: the device tree reader runs clean under libFuzzer, ASan and UBSan (briefly; make fuzz runs it longer)" {
	kiln_require_cmd clang clang
	run make -s -C "$KILN_TOP/boot/common/fuzz" run O="$KILN_SUITE_TMP/fdt" FUZZ_SECONDS="${KILN_FUZZ_SECONDS:-5}"
	assert_status 0
	assert_output_matches "^fuzz_fdt: clean for [0-9]+ s"
	assert_output_has "device tree fuzz: 1 targets clean"
}
