/* Kiln runtime: setjmp and longjmp save and restore registers, which C
 * cannot name: each architecture has its own, setjmp/<arch>/setjmp.S
 * (runtime/runtime.mk compiles it in place of this file). */
#error "setjmp: no setjmp/longjmp for this architecture; add runtime/src/setjmp/<arch>/setjmp.S (see setjmp/x86_64/setjmp.S)"
