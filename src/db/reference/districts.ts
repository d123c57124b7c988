/**
 * Reference list of the districts, counties and functional zones of Jinan that run
 * affordable-housing work (第三条: 各区县政府（含代管镇、街道的功能区管理机构）).
 *
 * Districts and counties carry their GB/T 2260 division codes. Functional zones have no
 * national code; the platform assigns stable codes Z01… (our choice, documented here),
 * so that staff accounts and applications can be scoped to them like any district.
 */
export type DistrictKind = 'district' | 'county' | 'zone';

/** One district, county or functional zone. */
export interface DistrictRef {
  code: string;
  name: string;
  kind: DistrictKind;
}

/** The 12 districts and counties of Jinan, then the functional zones. */
export const DISTRICTS: readonly DistrictRef[] = [
  { code: '370102', name: '历下区', kind: 'district' },
  { code: '370103', name: '市中区', kind: 'district' },
  { code: '370104', name: '槐荫区', kind: 'district' },
  { code: '370105', name: '天桥区', kind: 'district' },
  { code: '370112', name: '历城区', kind: 'district' },
  { code: '370113', name: '长清区', kind: 'district' },
  { code: '370114', name: '章丘区', kind: 'district' },
  { code: '370115', name: '济阳区', kind: 'district' },
  { code: '370116', name: '莱芜区', kind: 'district' },
  { code: '370117', name: '钢城区', kind: 'district' },
  { code: '370124', name: '平阴县', kind: 'county' },
  { code: '370126', name: '商河县', kind: 'county' },
  { code: 'Z01', name: '济南高新技术产业开发区', kind: 'zone' },
  { code: 'Z02', name: '济南新旧动能转换起步区', kind: 'zone' },
  { code: 'Z03', name: '济南市南部山区', kind: 'zone' },
  { code: 'Z04', name: '济南市中央商务区', kind: 'zone' },
  { code: 'Z05', name: '莱芜高新技术产业开发区', kind: 'zone' },
];

/** Name of a district by code, or undefined. */
export function districtName(code: string): string | undefined {
  return DISTRICTS.find((d) => d.code === code)?.name;
}
