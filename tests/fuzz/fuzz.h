/*
 * fuzz.h - the entry point every fuzz target defines. libFuzzer calls it
 * (built with --enable-fuzzing); replay.c calls it too, for the crash
 * regressions replayed in `make check`.
 */
#ifndef REHABIT_FUZZ_H
#define REHABIT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#endif
