/** Field encryption and blind index: see field-crypto.ts and keys.ts. */
export { AAD, createFieldCrypto, DecryptionError, type FieldCrypto, type KeyMaterial } from './field-crypto.js';
export { loadKeys, loadFieldCrypto, randomFieldCrypto, type LoadKeysOptions } from './keys.js';
