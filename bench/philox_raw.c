/* philox_raw.c — satstat's raw Philox4x32-10 words on stdout, for
 * dieharder (-g 200, stdin_input_raw): the stream of scheme "standard",
 * seed 1, neuron 0, 1, 2, ... one after another, each neuron's words in
 * index order (satstat_stream_words), i.e. the bits the weights are made
 * from.  Runs until stdout closes.  Usage: philox-raw [SEED] */
#include <stdio.h>
#include <stdlib.h>

#include <satstat/rng.h>

int main(int argc, char **argv)
{
    uint64_t seed = argc > 1 ? strtoull(argv[1], NULL, 10) : 1;
    uint32_t stream = satstat_stream_id("standard", SATSTAT_DOMAIN_WEIGHTS);
    enum { WORDS = 1 << 16 };
    static uint32_t buf[WORDS];
    /* a neuron's stream holds 2^34 words (32-bit block counter) */
    for (uint64_t neuron = 0;; neuron++) {
        for (uint64_t first = 0; first < (UINT64_C(1) << 34); first += WORDS) {
            for (size_t i = 0; i < WORDS; i += 4) {
                uint64_t block = (first + i) / 4;
                uint32_t ctr[4] = {(uint32_t)block, (uint32_t)neuron,
                                   (uint32_t)(neuron >> 32), stream};
                uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
                satstat_philox4x32(ctr, key, buf + i);
            }
            if (fwrite(buf, sizeof buf[0], WORDS, stdout) != WORDS)
                return 0;
        }
    }
}
