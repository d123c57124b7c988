/** A refused lottery input, named in Chinese and English (the platform's error shape). */

/** What is wrong, where: `field` is the input named (e.g. "entrants", "pools", "beacon"); `line` for list lines. */
export interface LotteryProblem {
  code: string;
  field: string;
  line?: number;
  message_zh: string;
  message_en: string;
}

/** Thrown by the lottery's pure functions on input that QLOT-1 does not allow. */
export class LotteryInputError extends Error {
  constructor(readonly problem: LotteryProblem) {
    super(problem.message_en);
    this.name = 'LotteryInputError';
  }
}

/** Throws a LotteryInputError; `line` (1-based) is prefixed to both messages. */
export function refuse(field: string, code: string, zh: string, en: string, line?: number): never {
  const where = line === undefined ? null : { zh: `第 ${line} 行：`, en: `line ${line}: ` };
  throw new LotteryInputError({
    code,
    field,
    ...(line === undefined ? {} : { line }),
    message_zh: `${where?.zh ?? ''}${zh}`,
    message_en: `${where?.en ?? ''}${en}`,
  });
}
