// SHA-256 (FIPS 180-4) for TransitionTracker: a portable C version and, on x86-64, one that uses
// the CPU's SHA extensions (SHA-NI), chosen at run time.
//
// Dispatch: the first call that needs it checks the CPU once (CPUID leaf 7 EBX bit 29 for SHA,
// leaf 1 ECX for SSSE3 and SSE4.1) and caches the choice. Setting the environment variable
// TRANSITION_SHA256=portable before that first call forces the portable version for the whole
// process (tt_sha256_shani() still uses the extensions when asked for them explicitly).
//
// All functions are thread-safe. Lengths are in bytes; a NULL data pointer is allowed when the
// length is 0.
#ifndef TT_SHA256_H
#define TT_SHA256_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The size of a SHA-256 digest in bytes.
#define TT_SHA256_DIGEST_SIZE 32
/// The size of a SHA-256 message block in bytes.
#define TT_SHA256_BLOCK_SIZE 64

/// The state of an incremental SHA-256 computation. Plain data: copy it to fork a computation.
typedef struct tt_sha256_ctx {
  uint32_t state[8];   // the chaining value H0...H7
  uint64_t length;     // message bytes hashed so far, including the buffered ones
  uint8_t buffer[64];  // the bytes of the current, incomplete block
  uint32_t buffered;   // how many bytes of buffer are in use (0...63)
  uint32_t reserved;   // padding, always 0
} tt_sha256_ctx;

/// A digest as four 64-bit words: w0 holds digest bytes 0...7 with byte 0 most significant, and
/// so on, so comparing (w0, w1, w2, w3) in order compares the digests' bytes in order.
typedef struct tt_sha256_words {
  uint64_t w0;
  uint64_t w1;
  uint64_t w2;
  uint64_t w3;
} tt_sha256_words;

/// Starts a computation.
void tt_sha256_init(tt_sha256_ctx *ctx);
/// Feeds `len` bytes at `data`.
void tt_sha256_update(tt_sha256_ctx *ctx, const void *data, size_t len);
/// Ends the computation and writes the 32-byte digest to `out`; `ctx` must be re-initialised
/// before it is used again.
void tt_sha256_final(tt_sha256_ctx *ctx, uint8_t out[32]);
/// Ends the computation and returns the digest as words; see tt_sha256_final.
tt_sha256_words tt_sha256_final_words(tt_sha256_ctx *ctx);

/// One-shot SHA-256 of `len` bytes at `data`, with the implementation chosen at run time.
void tt_sha256(const void *data, size_t len, uint8_t out[32]);
/// One-shot SHA-256 returning the digest as words; same implementation as tt_sha256.
tt_sha256_words tt_sha256_to_words(const void *data, size_t len);

/// One-shot SHA-256 with the portable C implementation, whatever the CPU.
void tt_sha256_portable(const void *data, size_t len, uint8_t out[32]);
/// One-shot SHA-256 with the SHA extensions. Returns 0 and writes `out` on success; returns -1
/// and leaves `out` untouched when the CPU (or the build) has no SHA extensions.
int tt_sha256_shani(const void *data, size_t len, uint8_t out[32]);

/// 1 if this CPU has the SHA extensions (with SSSE3 and SSE4.1) and this build can use them,
/// else 0. Ignores TRANSITION_SHA256.
int tt_sha256_has_shani(void);
/// The implementation tt_sha256 and the incremental functions use: "sha-ni" or "portable".
const char *tt_sha256_implementation(void);

/// Two one-shot SHA-256 digests with the SHA extensions, the two computations interleaved (up to
/// twice the throughput of one at a time on short messages). Returns 0 and writes `out_a` and
/// `out_b` on success; returns -1 and writes nothing when the CPU (or the build) has no SHA
/// extensions.
int tt_sha256_pair_shani(const void *a, size_t len_a, const void *b, size_t len_b,
                         uint8_t out_a[32], uint8_t out_b[32]);

/// Hashes `count` messages; message i is lengths[i] bytes at base + offsets[i], and its digest
/// goes to out + 32 * i. Meant for many short messages (log lines); with the SHA extensions it
/// hashes them two at a time, interleaved (tt_sha256_pair_shani).
void tt_sha256_many(const uint8_t *base, const size_t *offsets, const size_t *lengths,
                    size_t count, uint8_t *out);

/// A hint to bring the cache line at `address` into the cache for reading and writing soon
/// (no effect on results; used by hash tables probed at random).
static inline void tt_prefetch_write(const void *address) { __builtin_prefetch(address, 1, 3); }

/// A 64-bit checksum of `len` bytes at `data` (xxHash64's rounds: four lanes of 64-bit
/// multiply-rotate, then an avalanche), for detecting damaged cache files such as the
/// projections sidecar. Not cryptographic: it catches accidents, not forgeries. Several
/// gigabytes a second, the same value on every machine (bytes read little-endian).
uint64_t tt_checksum64(const void *data, size_t len, uint64_t seed);

/// The state of a streaming tt_checksum64: the same value as the one-shot call over all the
/// bytes fed, in any split.
typedef struct tt_checksum64_state {
  uint64_t lanes[4];
  uint64_t total;      // bytes fed so far
  uint64_t seed;
  uint8_t buffer[32];  // the bytes of an incomplete stripe
  uint32_t buffered;   // how many (0...31)
  uint32_t reserved;
} tt_checksum64_state;

/// Starts a streaming checksum.
void tt_checksum64_init(tt_checksum64_state *state, uint64_t seed);
/// Feeds `len` bytes at `data`.
void tt_checksum64_update(tt_checksum64_state *state, const void *data, size_t len);
/// The checksum of everything fed (the state may be fed more afterwards).
uint64_t tt_checksum64_final(const tt_checksum64_state *state);

#ifdef __cplusplus
}
#endif

#endif  // TT_SHA256_H
