//! What the stable fuzz smoke tests share: a tiny deterministic random
//! source and the number of rounds to run.

#![allow(dead_code)]

/// Mutations per seed and target, `default` unless `FINDINGS_FUZZ_ROUNDS`
/// asks for a longer run.
pub fn rounds(default: usize) -> usize {
    std::env::var("FINDINGS_FUZZ_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(default)
}

/// xorshift64*: tiny, deterministic, good enough to pick mutations.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
