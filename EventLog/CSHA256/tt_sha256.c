// SHA-256 (FIPS 180-4): a portable C version, an x86-64 SHA extensions (SHA-NI) version, and the
// run-time choice between them. See include/tt_sha256.h for the API and TRANSITION_SHA256.
#include "tt_sha256.h"

#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

/// Processes `nblocks` consecutive 64-byte blocks at `p` into the chaining value `state`.
typedef void (*tt_blocks_fn)(uint32_t state[8], const uint8_t *p, size_t nblocks);

// FIPS 180-4 §5.3.3: the initial hash value.
static const uint32_t tt_h0[8] = {
    0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
    0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u,
};

// FIPS 180-4 §4.2.2: the round constants. Aligned so the SHA-NI code can load four at a time.
_Alignas(64) static const uint32_t tt_k[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u,
    0xab1c5ed5u, 0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu,
    0x9bdc06a7u, 0xc19bf174u, 0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu,
    0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau, 0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u,
    0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u, 0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu,
    0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u, 0xa2bfe8a1u, 0xa81a664bu,
    0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u, 0x19a4c116u,
    0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u,
    0xc67178f2u,
};

static inline uint32_t tt_load_be32(const uint8_t *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static inline void tt_store_be32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}

static inline void tt_store_be64(uint8_t *p, uint64_t v) {
  tt_store_be32(p, (uint32_t)(v >> 32));
  tt_store_be32(p + 4, (uint32_t)v);
}

// MARK: - Portable implementation

#define TT_ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define TT_BSIG0(x) (TT_ROTR(x, 2) ^ TT_ROTR(x, 13) ^ TT_ROTR(x, 22))
#define TT_BSIG1(x) (TT_ROTR(x, 6) ^ TT_ROTR(x, 11) ^ TT_ROTR(x, 25))
#define TT_SSIG0(x) (TT_ROTR(x, 7) ^ TT_ROTR(x, 18) ^ ((x) >> 3))
#define TT_SSIG1(x) (TT_ROTR(x, 17) ^ TT_ROTR(x, 19) ^ ((x) >> 10))
#define TT_CH(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
#define TT_MAJ(x, y, z) (((x) & (y)) | ((z) & ((x) | (y))))

// One round with the working variables renamed instead of shifted: t is the round number and
// w[t & 15] must already hold W[t].
#define TT_ROUND(a, b, c, d, e, f, g, h, t)                                   \
  do {                                                                        \
    uint32_t t1 = (h) + TT_BSIG1(e) + TT_CH(e, f, g) + tt_k[t] + w[(t) & 15]; \
    uint32_t t2 = TT_BSIG0(a) + TT_MAJ(a, b, c);                              \
    (d) += t1;                                                                \
    (h) = t1 + t2;                                                            \
  } while (0)

// W[t] for t >= 16, computed in place in the 16-word ring buffer w.
#define TT_SCHEDULE(t)                                                               \
  (w[(t) & 15] += TT_SSIG1(w[((t) - 2) & 15]) + w[((t) - 7) & 15] +                 \
                  TT_SSIG0(w[((t) - 15) & 15]))

static void tt_blocks_portable(uint32_t state[8], const uint8_t *p, size_t nblocks) {
  uint32_t w[16];
  while (nblocks-- > 0) {
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (unsigned i = 0; i < 16; i++) {
      w[i] = tt_load_be32(p + 4 * i);
    }
    for (unsigned t = 0; t < 64; t += 8) {
      if (t >= 16) {
        for (unsigned j = t; j < t + 8; j++) {
          TT_SCHEDULE(j);
        }
      }
      TT_ROUND(a, b, c, d, e, f, g, h, t + 0);
      TT_ROUND(h, a, b, c, d, e, f, g, t + 1);
      TT_ROUND(g, h, a, b, c, d, e, f, t + 2);
      TT_ROUND(f, g, h, a, b, c, d, e, t + 3);
      TT_ROUND(e, f, g, h, a, b, c, d, t + 4);
      TT_ROUND(d, e, f, g, h, a, b, c, t + 5);
      TT_ROUND(c, d, e, f, g, h, a, b, t + 6);
      TT_ROUND(b, c, d, e, f, g, h, a, t + 7);
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
    p += 64;
  }
}

// MARK: - SHA extensions (x86-64)

#if defined(__x86_64__)
#define TT_HAVE_SHANI_CODE 1

// Compiled for SHA + SSE4.1 + SSSE3 whatever the global flags; only called after CPUID said yes.
#define TT_SHANI_TARGET __attribute__((target("sha,sse4.1,ssse3")))

// Rounds 4g...4g+3 with the message words of group g in register m.
#define TT_SHANI_RNDS(g, m)                                                            \
  do {                                                                                 \
    __m128i msg = _mm_add_epi32((m), _mm_load_si128((const __m128i *)(tt_k + 4 * (g)))); \
    cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);                                     \
    msg = _mm_shuffle_epi32(msg, 0x0E);                                                \
    abef = _mm_sha256rnds2_epu32(abef, cdgh, msg);                                     \
  } while (0)

// Finishes the next group's words (next) from the current (cur) and previous (prev) groups.
#define TT_SHANI_MSG2(next, cur, prev) \
  (next) = _mm_sha256msg2_epu32(_mm_add_epi32((next), _mm_alignr_epi8((cur), (prev), 4)), (cur))
// Starts the words three groups ahead in prev's register.
#define TT_SHANI_MSG1(prev, cur) (prev) = _mm_sha256msg1_epu32((prev), (cur))

TT_SHANI_TARGET
static void tt_blocks_shani(uint32_t state[8], const uint8_t *p, size_t nblocks) {
  const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);

  // The rnds2 instruction wants the state as ABEF and CDGH (A, C in the high lanes).
  __m128i tmp = _mm_loadu_si128((const __m128i *)state);         // lanes A B C D
  __m128i cdgh = _mm_loadu_si128((const __m128i *)(state + 4));  // lanes E F G H
  tmp = _mm_shuffle_epi32(tmp, 0xB1);                            // B A D C
  cdgh = _mm_shuffle_epi32(cdgh, 0x1B);                          // H G F E
  __m128i abef = _mm_alignr_epi8(tmp, cdgh, 8);                  // F E B A
  cdgh = _mm_blend_epi16(cdgh, tmp, 0xF0);                       // H G D C

  while (nblocks-- > 0) {
    const __m128i abef_saved = abef;
    const __m128i cdgh_saved = cdgh;
    __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 0)), byteswap);
    __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16)), byteswap);
    __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 32)), byteswap);
    __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 48)), byteswap);

    TT_SHANI_RNDS(0, m0);
    TT_SHANI_RNDS(1, m1);
    TT_SHANI_MSG1(m0, m1);
    TT_SHANI_RNDS(2, m2);
    TT_SHANI_MSG1(m1, m2);
    TT_SHANI_RNDS(3, m3);
    TT_SHANI_MSG2(m0, m3, m2);
    TT_SHANI_MSG1(m2, m3);

    TT_SHANI_RNDS(4, m0);
    TT_SHANI_MSG2(m1, m0, m3);
    TT_SHANI_MSG1(m3, m0);
    TT_SHANI_RNDS(5, m1);
    TT_SHANI_MSG2(m2, m1, m0);
    TT_SHANI_MSG1(m0, m1);
    TT_SHANI_RNDS(6, m2);
    TT_SHANI_MSG2(m3, m2, m1);
    TT_SHANI_MSG1(m1, m2);
    TT_SHANI_RNDS(7, m3);
    TT_SHANI_MSG2(m0, m3, m2);
    TT_SHANI_MSG1(m2, m3);

    TT_SHANI_RNDS(8, m0);
    TT_SHANI_MSG2(m1, m0, m3);
    TT_SHANI_MSG1(m3, m0);
    TT_SHANI_RNDS(9, m1);
    TT_SHANI_MSG2(m2, m1, m0);
    TT_SHANI_MSG1(m0, m1);
    TT_SHANI_RNDS(10, m2);
    TT_SHANI_MSG2(m3, m2, m1);
    TT_SHANI_MSG1(m1, m2);
    TT_SHANI_RNDS(11, m3);
    TT_SHANI_MSG2(m0, m3, m2);
    TT_SHANI_MSG1(m2, m3);

    TT_SHANI_RNDS(12, m0);
    TT_SHANI_MSG2(m1, m0, m3);
    TT_SHANI_MSG1(m3, m0);
    TT_SHANI_RNDS(13, m1);
    TT_SHANI_MSG2(m2, m1, m0);
    TT_SHANI_RNDS(14, m2);
    TT_SHANI_MSG2(m3, m2, m1);
    TT_SHANI_RNDS(15, m3);

    abef = _mm_add_epi32(abef, abef_saved);
    cdgh = _mm_add_epi32(cdgh, cdgh_saved);
    p += 64;
  }

  tmp = _mm_shuffle_epi32(abef, 0x1B);      // A B E F
  cdgh = _mm_shuffle_epi32(cdgh, 0xB1);     // G H C D
  abef = _mm_blend_epi16(tmp, cdgh, 0xF0);  // A B C D
  cdgh = _mm_alignr_epi8(cdgh, tmp, 8);     // E F G H
  _mm_storeu_si128((__m128i *)state, abef);
  _mm_storeu_si128((__m128i *)(state + 4), cdgh);
}

// Rounds 4g...4g+3 of two independent messages, interleaved: the rnds2 instructions of one
// message fill the latency of the other's (two rnds2 in a row on one state depend on each other).
#define TT_SHANI_RNDS_X2(g, ma, mb)                                                    \
  do {                                                                                 \
    const __m128i k = _mm_load_si128((const __m128i *)(tt_k + 4 * (g)));               \
    __m128i msga = _mm_add_epi32((ma), k);                                             \
    __m128i msgb = _mm_add_epi32((mb), k);                                             \
    cdgh_a = _mm_sha256rnds2_epu32(cdgh_a, abef_a, msga);                              \
    cdgh_b = _mm_sha256rnds2_epu32(cdgh_b, abef_b, msgb);                              \
    msga = _mm_shuffle_epi32(msga, 0x0E);                                              \
    msgb = _mm_shuffle_epi32(msgb, 0x0E);                                              \
    abef_a = _mm_sha256rnds2_epu32(abef_a, cdgh_a, msga);                              \
    abef_b = _mm_sha256rnds2_epu32(abef_b, cdgh_b, msgb);                              \
  } while (0)

#define TT_SHANI_MSG1_X2(prev, cur) \
  do {                              \
    TT_SHANI_MSG1(prev##a, cur##a); \
    TT_SHANI_MSG1(prev##b, cur##b); \
  } while (0)
#define TT_SHANI_MSG2_X2(next, cur, prev)   \
  do {                                      \
    TT_SHANI_MSG2(next##a, cur##a, prev##a); \
    TT_SHANI_MSG2(next##b, cur##b, prev##b); \
  } while (0)

// Loads a state into the ABEF/CDGH form rnds2 wants.
#define TT_SHANI_LOAD_STATE(state, abef, cdgh)                          \
  do {                                                                  \
    __m128i t = _mm_loadu_si128((const __m128i *)(state));              \
    cdgh = _mm_loadu_si128((const __m128i *)((state) + 4));             \
    t = _mm_shuffle_epi32(t, 0xB1);                                     \
    cdgh = _mm_shuffle_epi32(cdgh, 0x1B);                               \
    abef = _mm_alignr_epi8(t, cdgh, 8);                                 \
    cdgh = _mm_blend_epi16(cdgh, t, 0xF0);                              \
  } while (0)
#define TT_SHANI_STORE_STATE(state, abef, cdgh)                         \
  do {                                                                  \
    __m128i t = _mm_shuffle_epi32(abef, 0x1B);                          \
    cdgh = _mm_shuffle_epi32(cdgh, 0xB1);                               \
    abef = _mm_blend_epi16(t, cdgh, 0xF0);                              \
    cdgh = _mm_alignr_epi8(cdgh, t, 8);                                 \
    _mm_storeu_si128((__m128i *)(state), abef);                         \
    _mm_storeu_si128((__m128i *)((state) + 4), cdgh);                   \
  } while (0)

// `nblocks` blocks of message a at pa into state_a and of message b at pb into state_b, the
// two computations interleaved; each result equals tt_blocks_shani on its own message.
TT_SHANI_TARGET
static void tt_blocks_shani_x2(uint32_t state_a[8], const uint8_t *pa, uint32_t state_b[8],
                               const uint8_t *pb, size_t nblocks) {
  const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i abef_a, cdgh_a, abef_b, cdgh_b;
  TT_SHANI_LOAD_STATE(state_a, abef_a, cdgh_a);
  TT_SHANI_LOAD_STATE(state_b, abef_b, cdgh_b);
  while (nblocks-- > 0) {
    const __m128i abef_a_saved = abef_a, cdgh_a_saved = cdgh_a;
    const __m128i abef_b_saved = abef_b, cdgh_b_saved = cdgh_b;
    __m128i m0a = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pa + 0)), byteswap);
    __m128i m0b = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pb + 0)), byteswap);
    __m128i m1a = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pa + 16)), byteswap);
    __m128i m1b = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pb + 16)), byteswap);
    __m128i m2a = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pa + 32)), byteswap);
    __m128i m2b = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pb + 32)), byteswap);
    __m128i m3a = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pa + 48)), byteswap);
    __m128i m3b = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pb + 48)), byteswap);

    TT_SHANI_RNDS_X2(0, m0a, m0b);
    TT_SHANI_RNDS_X2(1, m1a, m1b);
    TT_SHANI_MSG1_X2(m0, m1);
    TT_SHANI_RNDS_X2(2, m2a, m2b);
    TT_SHANI_MSG1_X2(m1, m2);
    TT_SHANI_RNDS_X2(3, m3a, m3b);
    TT_SHANI_MSG2_X2(m0, m3, m2);
    TT_SHANI_MSG1_X2(m2, m3);

    TT_SHANI_RNDS_X2(4, m0a, m0b);
    TT_SHANI_MSG2_X2(m1, m0, m3);
    TT_SHANI_MSG1_X2(m3, m0);
    TT_SHANI_RNDS_X2(5, m1a, m1b);
    TT_SHANI_MSG2_X2(m2, m1, m0);
    TT_SHANI_MSG1_X2(m0, m1);
    TT_SHANI_RNDS_X2(6, m2a, m2b);
    TT_SHANI_MSG2_X2(m3, m2, m1);
    TT_SHANI_MSG1_X2(m1, m2);
    TT_SHANI_RNDS_X2(7, m3a, m3b);
    TT_SHANI_MSG2_X2(m0, m3, m2);
    TT_SHANI_MSG1_X2(m2, m3);

    TT_SHANI_RNDS_X2(8, m0a, m0b);
    TT_SHANI_MSG2_X2(m1, m0, m3);
    TT_SHANI_MSG1_X2(m3, m0);
    TT_SHANI_RNDS_X2(9, m1a, m1b);
    TT_SHANI_MSG2_X2(m2, m1, m0);
    TT_SHANI_MSG1_X2(m0, m1);
    TT_SHANI_RNDS_X2(10, m2a, m2b);
    TT_SHANI_MSG2_X2(m3, m2, m1);
    TT_SHANI_MSG1_X2(m1, m2);
    TT_SHANI_RNDS_X2(11, m3a, m3b);
    TT_SHANI_MSG2_X2(m0, m3, m2);
    TT_SHANI_MSG1_X2(m2, m3);

    TT_SHANI_RNDS_X2(12, m0a, m0b);
    TT_SHANI_MSG2_X2(m1, m0, m3);
    TT_SHANI_MSG1_X2(m3, m0);
    TT_SHANI_RNDS_X2(13, m1a, m1b);
    TT_SHANI_MSG2_X2(m2, m1, m0);
    TT_SHANI_RNDS_X2(14, m2a, m2b);
    TT_SHANI_MSG2_X2(m3, m2, m1);
    TT_SHANI_RNDS_X2(15, m3a, m3b);

    abef_a = _mm_add_epi32(abef_a, abef_a_saved);
    cdgh_a = _mm_add_epi32(cdgh_a, cdgh_a_saved);
    abef_b = _mm_add_epi32(abef_b, abef_b_saved);
    cdgh_b = _mm_add_epi32(cdgh_b, cdgh_b_saved);
    pa += 64;
    pb += 64;
  }
  TT_SHANI_STORE_STATE(state_a, abef_a, cdgh_a);
  TT_SHANI_STORE_STATE(state_b, abef_b, cdgh_b);
}

static int tt_detect_shani(void) {
  unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid(0, &eax, &ebx, &ecx, &edx) || eax < 7) {
    return 0;
  }
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) {
    return 0;
  }
  if ((ecx & bit_SSSE3) == 0 || (ecx & bit_SSE4_1) == 0) {
    return 0;
  }
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) {
    return 0;
  }
  return (ebx & bit_SHA) != 0;
}
#else
#define TT_HAVE_SHANI_CODE 0
static int tt_detect_shani(void) { return 0; }
#endif

// MARK: - Run-time choice

// -1 until the first query; then 0 or 1. Racing first callers compute the same answer.
static int tt_shani_cached = -1;
// NULL until the first query; then the block function tt_sha256 and the context use.
static tt_blocks_fn tt_selected_blocks = NULL;

int tt_sha256_has_shani(void) {
  int cached = __atomic_load_n(&tt_shani_cached, __ATOMIC_RELAXED);
  if (cached < 0) {
    cached = tt_detect_shani();
    __atomic_store_n(&tt_shani_cached, cached, __ATOMIC_RELAXED);
  }
  return cached;
}

static tt_blocks_fn tt_choose_blocks(void) {
#if TT_HAVE_SHANI_CODE
  // TRANSITION_SHA256=portable forces the portable version (for tests and benchmarks).
  const char *forced = getenv("TRANSITION_SHA256");
  int portable_forced = forced != NULL && strcmp(forced, "portable") == 0;
  if (!portable_forced && tt_sha256_has_shani()) {
    return tt_blocks_shani;
  }
#endif
  return tt_blocks_portable;
}

static inline tt_blocks_fn tt_blocks(void) {
  tt_blocks_fn fn = __atomic_load_n(&tt_selected_blocks, __ATOMIC_RELAXED);
  if (fn == NULL) {
    fn = tt_choose_blocks();
    __atomic_store_n(&tt_selected_blocks, fn, __ATOMIC_RELAXED);
  }
  return fn;
}

const char *tt_sha256_implementation(void) {
  return tt_blocks() == tt_blocks_portable ? "portable" : "sha-ni";
}

// MARK: - One-shot hashing

// Hashes a whole message into `state` (which it initialises): the full blocks straight from the
// caller's memory, then the tail and the padding from a small stack buffer.
static inline void tt_hash_message(tt_blocks_fn blocks, const void *data, size_t len,
                                   uint32_t state[8]) {
  const uint8_t *p = (const uint8_t *)data;
  memcpy(state, tt_h0, sizeof tt_h0);
  size_t full = len / 64;
  if (full > 0) {
    blocks(state, p, full);
  }
  size_t rest = len - full * 64;
  uint8_t tail[128];
  if (rest > 0) {
    memcpy(tail, p + full * 64, rest);
  }
  tail[rest] = 0x80;
  size_t tail_len = rest < 56 ? 64 : 128;
  memset(tail + rest + 1, 0, tail_len - 8 - (rest + 1));
  tt_store_be64(tail + tail_len - 8, (uint64_t)len << 3);
  blocks(state, tail, tail_len / 64);
}

static inline void tt_state_to_bytes(const uint32_t state[8], uint8_t out[32]) {
  for (unsigned i = 0; i < 8; i++) {
    tt_store_be32(out + 4 * i, state[i]);
  }
}

static inline tt_sha256_words tt_state_to_words(const uint32_t state[8]) {
  tt_sha256_words w;
  w.w0 = ((uint64_t)state[0] << 32) | state[1];
  w.w1 = ((uint64_t)state[2] << 32) | state[3];
  w.w2 = ((uint64_t)state[4] << 32) | state[5];
  w.w3 = ((uint64_t)state[6] << 32) | state[7];
  return w;
}

void tt_sha256(const void *data, size_t len, uint8_t out[32]) {
  uint32_t state[8];
  tt_hash_message(tt_blocks(), data, len, state);
  tt_state_to_bytes(state, out);
}

tt_sha256_words tt_sha256_to_words(const void *data, size_t len) {
  uint32_t state[8];
  tt_hash_message(tt_blocks(), data, len, state);
  return tt_state_to_words(state);
}

void tt_sha256_portable(const void *data, size_t len, uint8_t out[32]) {
  uint32_t state[8];
  tt_hash_message(tt_blocks_portable, data, len, state);
  tt_state_to_bytes(state, out);
}

int tt_sha256_shani(const void *data, size_t len, uint8_t out[32]) {
#if TT_HAVE_SHANI_CODE
  if (tt_sha256_has_shani()) {
    uint32_t state[8];
    tt_hash_message(tt_blocks_shani, data, len, state);
    tt_state_to_bytes(state, out);
    return 0;
  }
#else
  (void)data;
  (void)len;
  (void)out;
#endif
  return -1;
}

#if TT_HAVE_SHANI_CODE
// The longest message tt_pair_states_shani copies into a padded buffer; longer ones are hashed
// one at a time.
#define TT_PAIR_MAX 4096

// Copies a message of len <= TT_PAIR_MAX bytes into `padded` with its SHA-256 padding; returns
// the number of blocks.
static inline size_t tt_pad_message(const uint8_t *data, size_t len, uint8_t *padded) {
  size_t nblocks = (len + 9 + 63) / 64;
  if (len > 0) {
    memcpy(padded, data, len);
  }
  padded[len] = 0x80;
  memset(padded + len + 1, 0, nblocks * 64 - 8 - (len + 1));
  tt_store_be64(padded + nblocks * 64 - 8, (uint64_t)len << 3);
  return nblocks;
}

// Two messages with the SHA extensions, interleaved over their common number of blocks.
static void tt_pair_states_shani(const uint8_t *a, size_t len_a, const uint8_t *b, size_t len_b,
                                 uint32_t state_a[8], uint32_t state_b[8]) {
  if (len_a > TT_PAIR_MAX || len_b > TT_PAIR_MAX) {
    tt_hash_message(tt_blocks_shani, a, len_a, state_a);
    tt_hash_message(tt_blocks_shani, b, len_b, state_b);
    return;
  }
  uint8_t padded_a[TT_PAIR_MAX + 128] __attribute__((aligned(64)));
  uint8_t padded_b[TT_PAIR_MAX + 128] __attribute__((aligned(64)));
  size_t na = tt_pad_message(a, len_a, padded_a);
  size_t nb = tt_pad_message(b, len_b, padded_b);
  memcpy(state_a, tt_h0, sizeof tt_h0);
  memcpy(state_b, tt_h0, sizeof tt_h0);
  size_t common = na < nb ? na : nb;
  tt_blocks_shani_x2(state_a, padded_a, state_b, padded_b, common);
  if (na > common) {
    tt_blocks_shani(state_a, padded_a + 64 * common, na - common);
  }
  if (nb > common) {
    tt_blocks_shani(state_b, padded_b + 64 * common, nb - common);
  }
}
#endif

int tt_sha256_pair_shani(const void *a, size_t len_a, const void *b, size_t len_b,
                         uint8_t out_a[32], uint8_t out_b[32]) {
#if TT_HAVE_SHANI_CODE
  if (tt_sha256_has_shani()) {
    uint32_t state_a[8], state_b[8];
    tt_pair_states_shani(a, len_a, b, len_b, state_a, state_b);
    tt_state_to_bytes(state_a, out_a);
    tt_state_to_bytes(state_b, out_b);
    return 0;
  }
#else
  (void)a;
  (void)len_a;
  (void)b;
  (void)len_b;
  (void)out_a;
  (void)out_b;
#endif
  return -1;
}

void tt_sha256_many(const uint8_t *base, const size_t *offsets, const size_t *lengths,
                    size_t count, uint8_t *out) {
  tt_blocks_fn blocks = tt_blocks();
  size_t i = 0;
#if TT_HAVE_SHANI_CODE
  if (blocks == tt_blocks_shani) {
    for (; i + 1 < count; i += 2) {
      uint32_t state_a[8], state_b[8];
      tt_pair_states_shani(base + offsets[i], lengths[i], base + offsets[i + 1], lengths[i + 1],
                           state_a, state_b);
      tt_state_to_bytes(state_a, out + 32 * i);
      tt_state_to_bytes(state_b, out + 32 * (i + 1));
    }
  }
#endif
  for (; i < count; i++) {
    uint32_t state[8];
    tt_hash_message(blocks, base + offsets[i], lengths[i], state);
    tt_state_to_bytes(state, out + 32 * i);
  }
}

// MARK: - Incremental hashing

void tt_sha256_init(tt_sha256_ctx *ctx) {
  memcpy(ctx->state, tt_h0, sizeof tt_h0);
  ctx->length = 0;
  memset(ctx->buffer, 0, sizeof ctx->buffer);
  ctx->buffered = 0;
  ctx->reserved = 0;
}

void tt_sha256_update(tt_sha256_ctx *ctx, const void *data, size_t len) {
  if (len == 0) {
    return;
  }
  const uint8_t *p = (const uint8_t *)data;
  tt_blocks_fn blocks = tt_blocks();
  ctx->length += len;
  if (ctx->buffered > 0) {
    size_t room = 64 - (size_t)ctx->buffered;
    if (len < room) {
      memcpy(ctx->buffer + ctx->buffered, p, len);
      ctx->buffered += (uint32_t)len;
      return;
    }
    memcpy(ctx->buffer + ctx->buffered, p, room);
    blocks(ctx->state, ctx->buffer, 1);
    ctx->buffered = 0;
    p += room;
    len -= room;
  }
  size_t full = len / 64;
  if (full > 0) {
    blocks(ctx->state, p, full);
    p += full * 64;
    len -= full * 64;
  }
  if (len > 0) {
    memcpy(ctx->buffer, p, len);
    ctx->buffered = (uint32_t)len;
  }
}

static void tt_finish(tt_sha256_ctx *ctx) {
  tt_blocks_fn blocks = tt_blocks();
  size_t used = ctx->buffered;
  ctx->buffer[used++] = 0x80;
  if (used > 56) {
    memset(ctx->buffer + used, 0, 64 - used);
    blocks(ctx->state, ctx->buffer, 1);
    used = 0;
  }
  memset(ctx->buffer + used, 0, 56 - used);
  tt_store_be64(ctx->buffer + 56, ctx->length << 3);
  blocks(ctx->state, ctx->buffer, 1);
  ctx->buffered = 0;
}

void tt_sha256_final(tt_sha256_ctx *ctx, uint8_t out[32]) {
  tt_finish(ctx);
  tt_state_to_bytes(ctx->state, out);
}

tt_sha256_words tt_sha256_final_words(tt_sha256_ctx *ctx) {
  tt_finish(ctx);
  return tt_state_to_words(ctx->state);
}
