import { describe, expect, it } from 'vitest';
import { removalNoticeFingerprint, renderRemovalNotice, type RemovalNoticeData } from './removal-notice.js';
import { extractText, hasPdftotext, pageCount } from './pdf-inspect.js';

const removed: RemovalNoticeData = {
  noticeNo: '济住保移〔2026〕第000007号',
  regCode: 'SZ2025-0102-000045',
  applicantName: '王立新',
  maskedId: '37**************3X',
  districtName: '市中区',
  kind: 'removed',
  reason_zh: '经定期核查不动产登记信息，你家庭名下新增住房1套，不再满足第五条规定的住房困难条件。',
  article: '第九条',
  admittedOn: '2025-06-01',
  removedOn: '2026-03-15',
  issuer: '济南市住房和城乡建设局',
};

describe('移出轮候库通知书 (济政发〔2025〕3号 第八条、第九条、第三十一条)', () => {
  it('第九条: a family removed after the property re-check gets a one-page PDF', async () => {
    const pdf = await renderRemovalNotice(removed);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
  });

  it.runIf(hasPdftotext())('第九条: the notice gives the reason, the article, the dates and the fingerprint', async () => {
    const text = extractText(await renderRemovalNotice(removed));
    for (const s of [
      '移出轮候库通知书',
      '王立新（公民身份号码37**************3X）家庭',
      '名下新增住房1套',
      '济政发〔2025〕3号第九条',
      '自2026年3月15日起移出轮候库',
      '2025年6月1日纳入',
      '重新符合保障条件的，可重新提交入库申请',
      removalNoticeFingerprint(removed),
    ]) {
      expect(text).toContain(s);
    }
  });

  it.runIf(hasPdftotext())('第八条: a family that did not re-confirm is told it may apply again', async () => {
    const text = extractText(
      await renderRemovalNotice({ ...removed, kind: 'lapsed', article: '第八条', reason_zh: '你家庭纳入轮候库已满2年，未在期限内确认信息。' }),
    );
    expect(text).toContain('轮候资格失效的家庭可重新提交入库申请（第八条）');
  });

  it.runIf(hasPdftotext())('第三十一条(一): a cancellation for deception promises no re-application', async () => {
    const text = extractText(
      await renderRemovalNotice({ ...removed, kind: 'cancelled', article: '第三十一条第（一）项', reason_zh: '经查，你家庭申请时隐瞒名下住房。' }),
    );
    expect(text).toContain('购房资格予以取消');
    expect(text).not.toContain('可重新提交入库申请');
  });
});
