/**
 * Inputs of the catalogue commands (projects, buildings, units). The routes use the same
 * schemas, so the route refuses what the command would, naming the same field.
 */
import { z } from 'zod';
import { bilingual } from '../../rules/core/errors.js';
import { isoDate } from '../../rules/core/dates.js';
import { PROJECT_LEVELS, SALE_MODES } from '../../db/schema-sale.js';

/** QLOT-1 project_code (lottery-qlot1.md section 2): it is hashed into every draw of the project. */
export const PROJECT_CODE = /^[A-Za-z0-9_-]{1,64}$/;

const text = (max: number, zh: string, en: string) =>
  z.string().trim().min(1, bilingual(`请填写${zh}`, `${en} is required`)).max(max, bilingual(`${zh}不超过${max}个字`, `${en} is at most ${max} characters`));

export const ProjectInput = z.object({
  code: z.string().trim().regex(PROJECT_CODE, bilingual('项目编号只能由字母、数字、- 和 _ 组成，最多64位（如 JN-2026-001）', 'must be 1–64 letters, digits, - or _ (e.g. JN-2026-001)')),
  name: text(100, '项目名称', 'name'),
  /** 第十二条: who approves the price depends on the level (市级项目 / 区县级项目). */
  level: z.enum(PROJECT_LEVELS, bilingual('项目层级应为 city（市级）或 district（区县级）', 'must be city or district')),
  districtCode: z.string().trim().min(1, bilingual('请选择项目所在区县', 'districtCode is required')).max(16),
  /** 第十条: 预售 (presale) or 现房 (completed). */
  saleMode: z.enum(SALE_MODES, bilingual('销售方式应为 presale（预售）或 completed（现房）', 'must be presale or completed')),
  address: text(200, '项目地址', 'address'),
  deliveryOn: isoDate.optional(),
  propertyService: z.string().trim().max(2000).optional(),
});
export type ProjectInput = z.infer<typeof ProjectInput>;

export const BuildingInput = z.object({
  name: text(32, '楼栋名称', 'building name'),
  floors: z.number().int(bilingual('层数须为整数', 'must be a whole number')).min(1, bilingual('层数至少为1', 'must be at least 1')).max(200, bilingual('层数不超过200', 'must be at most 200')),
  /** 竣工日期; the building's age for a buyback (第二十七条) counts from it. */
  completedOn: isoDate.optional(),
});
export type BuildingInput = z.infer<typeof BuildingInput>;

const AREA = /^\d{1,6}(?:\.\d{1,2})?$/;

/** The unit's own facts, as typed in a form or read from a sheet row (strings or numbers). */
export const UnitFields = z.object({
  floor: z.coerce.number(bilingual('楼层须为整数', 'must be a whole number'))
    .int(bilingual('楼层须为整数', 'must be a whole number')).min(1, bilingual('楼层至少为1', 'must be at least 1')).max(200, bilingual('楼层不超过200', 'must be at most 200')),
  number: z.coerce.string().trim().regex(/^[\p{L}\p{N}-]{1,20}$/u, bilingual('房号须为1–20位字母、数字或 -（如 1203）', 'must be 1–20 letters, digits or - (e.g. 1203)')),
  area: z.union([z.number(), z.string()]).transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
    .refine((s) => AREA.test(s) && Number(s) > 0, bilingual('建筑面积须为正数，单位平方米，最多两位小数', 'must be a positive number of square metres with at most two decimals')),
  layout: text(32, '户型', 'layout'),
  orientation: text(16, '朝向', 'orientation'),
});
export type UnitFields = z.infer<typeof UnitFields>;

export const UnitInput = UnitFields.extend({ buildingId: z.uuid(bilingual('请选择楼栋', 'buildingId must be a building id')) });
export type UnitInput = z.infer<typeof UnitInput>;
