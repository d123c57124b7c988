/**
 * QLOT-1, the publicly verifiable lottery for 摇号排序 (济政发〔2025〕3号 第四条、第六条、第七条、
 * 第十一条), exactly as ../shared/specs/lottery-qlot1.md: pure functions, no I/O, no clock; the
 * only randomness is the server secret, drawn from an injected source (secret.ts).
 */
export { type BundleHeader, type LotteryBundle, type LotteryResult, bundleJson, resultsOf } from './bundle.js';
export { type Draw, type DrawInput, draw, runDraw } from './draw.js';
export { type Entrant, canonicalList, canonicaliseList } from './entrants.js';
export { type EntrantList, entrantId, parseCanonicalList } from './list.js';
export { type Pool, type Quota, parsePools } from './pools.js';
export { LotteryInputError, type LotteryProblem } from './problem.js';
export { type RankProgress, type Ranking, rankEntrants } from './ranks.js';
export { type RandomSource, generateSecret } from './secret.js';
export { type SeedInput, commitment, listDigest, seedBytes, seedText } from './seed.js';
export { type BundleFiles, type Verification, verifyBundle } from './verify.js';
