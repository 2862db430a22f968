import type { HashingOptions } from '../../src/index.js'

/** The seeded admins' password (test/support/demoAgent.ts, test/support/seedTemplate.ts). */
export const DEMO_PASSWORD = 'test-password-1'

/**
 * The test panels' password hashing: argon2id at the lowest cost the panel's settings accept
 * (19 MiB, 2 passes), about a seventh of PHP's default (64 MiB, 4 passes) that the demo uses.
 * Every seeded file hashes and checks a few passwords; what the real cost does is proven where it
 * is the subject (test/accounts.test.ts, the login timing tests, bench/loginTiming.ts).
 */
export const TEST_HASHING: HashingOptions = { driver: 'argon2id', argon2MemoryCost: 19456, argon2TimeCost: 2 }
