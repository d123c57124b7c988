/**
 * The draw of a project round (QLOT-1; 济政发〔2025〕3号 第四、六、七、十一条), docs/CONTRACT.md
 * "Cross-module functions": freeze the list, draw with a beacon, void with a public reason,
 * read it (staff and public), and the bundle's two files.
 */
export { freezeList, type FrozenDraw } from './freeze.js';
export { drawLottery, type DrawOptions, type DrawOutcome } from './draw.js';
export { voidDraw } from './void.js';
export { bundleFiles, drawView, getDraw, projectDraws, type DrawView } from './read.js';
export { listPublicProjects, publicProject, publicRanks, type PublicDraw, type PublicProjectSummary, type PublicRank } from './public.js';
export { currentDraw, loadDraw, type DrawMeta, type StoredPool } from './load.js';
export { RANK_CHUNK, storeRanks } from './ranks-store.js';
export { RANK_NOTICE_MAX } from './notices.js';
