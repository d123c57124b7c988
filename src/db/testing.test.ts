import { describe, expect, it } from 'vitest';
import { testDbKinds } from './testing.js';

describe('which databases the integration tests run on', () => {
  it('PGlite always; PostgreSQL as well when DATABASE_URL is set', () => {
    expect(testDbKinds({})).toEqual(['pglite']);
    expect(testDbKinds({ DATABASE_URL: 'postgres://x/test' })).toEqual(['pglite', 'postgres']);
  });
  it('QC_TEST_DB_KINDS narrows a run, and refuses a database that is not there', () => {
    expect(testDbKinds({ DATABASE_URL: 'postgres://x/test', QC_TEST_DB_KINDS: 'postgres' })).toEqual(['postgres']);
    expect(() => testDbKinds({ QC_TEST_DB_KINDS: 'postgres' })).toThrow(/no available database/);
  });
});
