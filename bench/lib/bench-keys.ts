/** Fixed synthetic keys, so the loading process and the measured job process read the same data. */
import { createHash } from 'node:crypto';
import { createFieldCrypto, type FieldCrypto } from '../../src/crypto/index.js';

const key = (label: string) => createHash('sha256').update(`quancheng bench ${label}`).digest();

/** FieldCrypto over the benchmark's keys (never used outside bench/). */
export function benchCrypto(): FieldCrypto {
  return createFieldCrypto({ dataKey: key('data key'), indexKey: key('index key') });
}
