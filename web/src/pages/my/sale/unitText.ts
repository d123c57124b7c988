import type { HeldUnit } from '../../../api/sale-my';

/** "1号楼 1203 室" (or what is known of it). */
export function unitTitle(u?: HeldUnit): string {
  if (!u) return '—';
  const parts = [u.buildingName, u.number ? `${u.number} 室` : undefined].filter(Boolean);
  return parts.length ? parts.join(' ') : '—';
}
