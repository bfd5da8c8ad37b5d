// A 64-bit checksum with xxHash64's structure (see tt_sha256.h): not cryptographic.
#include "tt_sha256.h"

#include <string.h>

static const uint64_t P1 = 0x9E3779B185EBCA87ULL;
static const uint64_t P2 = 0xC2B2AE3D27D4EB4FULL;
static const uint64_t P3 = 0x165667B19E3779F9ULL;
static const uint64_t P4 = 0x85EBCA77C2B2AE63ULL;
static const uint64_t P5 = 0x27D4EB2F165667C5ULL;

static inline uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

static inline uint64_t read64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  return v;
}

static inline uint32_t read32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap32(v);
#endif
  return v;
}

static inline uint64_t round64(uint64_t acc, uint64_t input) {
  acc += input * P2;
  acc = rotl64(acc, 31);
  return acc * P1;
}

static inline uint64_t merge64(uint64_t acc, uint64_t value) {
  acc ^= round64(0, value);
  return acc * P1 + P4;
}

/// The tail and avalanche shared by the one-shot and streaming forms: `h` already holds the
/// merged lanes (or seed + P5 for inputs under 32 bytes); `p..end` are the last < 32 bytes.
static uint64_t finish64(uint64_t h, uint64_t len, const uint8_t *p, const uint8_t *end) {
  h += len;
  while (p + 8 <= end) {
    h ^= round64(0, read64(p));
    h = rotl64(h, 27) * P1 + P4;
    p += 8;
  }
  if (p + 4 <= end) {
    h ^= (uint64_t)read32(p) * P1;
    h = rotl64(h, 23) * P2 + P3;
    p += 4;
  }
  while (p < end) {
    h ^= (*p) * P5;
    h = rotl64(h, 11) * P1;
    p++;
  }
  h ^= h >> 33;
  h *= P2;
  h ^= h >> 29;
  h *= P3;
  h ^= h >> 32;
  return h;
}

static uint64_t merge_lanes(const uint64_t v[4]) {
  uint64_t h = rotl64(v[0], 1) + rotl64(v[1], 7) + rotl64(v[2], 12) + rotl64(v[3], 18);
  h = merge64(h, v[0]);
  h = merge64(h, v[1]);
  h = merge64(h, v[2]);
  h = merge64(h, v[3]);
  return h;
}

uint64_t tt_checksum64(const void *data, size_t len, uint64_t seed) {
  const uint8_t *p = (const uint8_t *)data;
  const uint8_t *end = p + len;
  uint64_t h;
  if (len >= 32) {
    uint64_t v[4] = {seed + P1 + P2, seed + P2, seed, seed - P1};
    const uint8_t *limit = end - 32;
    do {
      v[0] = round64(v[0], read64(p));
      v[1] = round64(v[1], read64(p + 8));
      v[2] = round64(v[2], read64(p + 16));
      v[3] = round64(v[3], read64(p + 24));
      p += 32;
    } while (p <= limit);
    h = merge_lanes(v);
  } else {
    h = seed + P5;
  }
  return finish64(h, (uint64_t)len, p, end);
}

void tt_checksum64_init(tt_checksum64_state *state, uint64_t seed) {
  memset(state, 0, sizeof *state);
  state->seed = seed;
  state->lanes[0] = seed + P1 + P2;
  state->lanes[1] = seed + P2;
  state->lanes[2] = seed;
  state->lanes[3] = seed - P1;
}

static void stripe(uint64_t v[4], const uint8_t *p) {
  v[0] = round64(v[0], read64(p));
  v[1] = round64(v[1], read64(p + 8));
  v[2] = round64(v[2], read64(p + 16));
  v[3] = round64(v[3], read64(p + 24));
}

void tt_checksum64_update(tt_checksum64_state *state, const void *data, size_t len) {
  const uint8_t *p = (const uint8_t *)data;
  const uint8_t *end = p + len;
  state->total += len;
  if (state->buffered + len < 32) {
    if (len > 0) memcpy(state->buffer + state->buffered, p, len);
    state->buffered += (uint32_t)len;
    return;
  }
  if (state->buffered > 0) {
    size_t fill = 32 - state->buffered;
    memcpy(state->buffer + state->buffered, p, fill);
    stripe(state->lanes, state->buffer);
    p += fill;
    state->buffered = 0;
  }
  while (p + 32 <= end) {
    stripe(state->lanes, p);
    p += 32;
  }
  if (p < end) {
    memcpy(state->buffer, p, (size_t)(end - p));
    state->buffered = (uint32_t)(end - p);
  }
}

uint64_t tt_checksum64_final(const tt_checksum64_state *state) {
  uint64_t h = state->total >= 32 ? merge_lanes(state->lanes) : state->seed + P5;
  return finish64(h, state->total, state->buffer, state->buffer + state->buffered);
}
