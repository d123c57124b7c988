/**
 * A draw (QLOT-1 sections 2 to 5): from the frozen list, the plan's pools, the revealed secret
 * and the beacon to the bundle. Pure: the same inputs give the same bundle, byte for byte.
 */
import { type BundleHeader, type LotteryBundle, bundleJson, resultsOf } from './bundle.js';
import { canonicalList, type Entrant } from './entrants.js';
import { type EntrantList, parseCanonicalList } from './list.js';
import { type Pool, parsePools } from './pools.js';
import { type RankProgress, type Ranking, rankEntrants } from './ranks.js';
import { commitment, listDigest, seedBytes } from './seed.js';

/**
 * What a draw needs. `entrants`: canonical list bytes, records (canonicalised here), or a list
 * already parsed for the same pools (as canonicaliseList returns; not parsed again).
 */
export interface DrawInput {
  project_code: string;
  round: number;
  pools: Pool[];
  entrants: Uint8Array | readonly Entrant[] | EntrantList;
  server_secret: string;
  beacon: string;
}

/** A draw's outcome: the parsed list, the header fields, the ranking; `bundle()` and `json()` publish it. */
export interface Draw {
  list: EntrantList;
  header: BundleHeader;
  ranking: Ranking;
  /** entrants.tsv, byte for byte. */
  entrantsTsv: Buffer;
  /** lottery.json as an object (section 5). */
  bundle(): LotteryBundle;
  /** lottery.json's bytes. */
  json(): Buffer;
}

function listFor(entrants: DrawInput['entrants'], pools: Pool[]): EntrantList {
  if (entrants instanceof Uint8Array) return parseCanonicalList(entrants, pools);
  if (!Array.isArray(entrants)) {
    const parsed = entrants as EntrantList;
    const samePlan = JSON.stringify(parsed.pools) === JSON.stringify(pools);
    return samePlan ? parsed : parseCanonicalList(parsed.bytes, pools);
  }
  return parseCanonicalList(canonicalList(entrants, pools), pools);
}

/** Draws; throws LotteryInputError on input QLOT-1 does not allow. */
export function runDraw(input: DrawInput, onProgress?: RankProgress): Draw {
  const pools = parsePools(input.pools);
  const list = listFor(input.entrants, pools);
  const list_digest = listDigest(list.bytes);
  const seedIn = { project_code: input.project_code, round: input.round, list_digest, server_secret: input.server_secret, beacon: input.beacon };
  const seed = seedBytes(seedIn);
  const header: BundleHeader = {
    spec: 'QLOT-1',
    project_code: input.project_code,
    round: input.round,
    pools,
    list_digest,
    commitment: commitment(input.server_secret),
    server_secret: input.server_secret,
    beacon: input.beacon,
    seed: seed.toString('hex'),
  };
  const ranking = rankEntrants(list, seed, { onProgress });
  return {
    list,
    header,
    ranking,
    entrantsTsv: list.bytes,
    bundle: () => ({ ...header, results: resultsOf(list, ranking) }),
    json: () => bundleJson(header, list, ranking),
  };
}

/** The bundle object of a draw (section 5). */
export function draw(input: DrawInput): LotteryBundle {
  return runDraw(input).bundle();
}
