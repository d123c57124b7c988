import { Alert, Button, Card, List, Progress, Space, Typography, Upload } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, InboxOutlined, MinusCircleFilled } from '@ant-design/icons';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { usePublicDraw } from './api';
import type { Check, Report } from './qlot1/verify';
import { type Phase, runVerification } from './runVerification';

const ICON = {
  pass: <CheckCircleFilled style={{ color: '#389e0d' }} aria-label="通过" />,
  fail: <CloseCircleFilled style={{ color: '#cf1322' }} aria-label="未通过" />,
  skipped: <MinusCircleFilled style={{ color: '#8c8c8c' }} aria-label="未检查" />,
};
const STATE_TEXT = { pass: '通过', fail: '未通过', skipped: '未检查' };

/** Which dropped file is which: lottery.json starts with "{", entrants.tsv does not. */
async function sortFiles(files: File[]): Promise<{ tsv?: File; json?: File }> {
  const out: { tsv?: File; json?: File } = {};
  for (const f of files) {
    const head = new TextDecoder().decode(await f.slice(0, 64).arrayBuffer()).trimStart();
    if (head.startsWith('{') || /\.json$/i.test(f.name)) out.json = f;
    else out.tsv = f;
  }
  return out;
}

/**
 * 在浏览器中验证 (QLOT-1 section 6): downloads this draw's two files (or takes any two files the
 * visitor drops in) and recomputes everything in the browser, in a Web Worker with a progress
 * bar; each of the four checks is shown passed, failed (why), or not checked.
 */
export function LotteryVerifyPage() {
  const { drawId } = useParams();
  usePageTitle('验证摇号结果');
  const draw = usePublicDraw(drawId ?? '');
  const [phase, setPhase] = useState<Phase | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const busy = useRef(false);

  const start = async (source: { urls: { tsv: string; json: string } } | { files: { tsv: File; json: File } }) => {
    if (busy.current) return;
    busy.current = true;
    setReport(null);
    setError(null);
    try {
      setReport(await runVerification(source, setPhase));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPhase(null);
      busy.current = false;
    }
  };
  const startFiles = async () => {
    const { tsv, json } = await sortFiles(files);
    if (!tsv || !json) {
      setError('请同时选择 entrants.tsv 和 lottery.json 两个文件');
      return;
    }
    await start({ files: { tsv, json } });
  };

  const d = draw.data;
  return (
    <div className="qc-container">
      <Typography.Title level={1} style={{ fontSize: 24 }}>在浏览器中验证摇号结果</Typography.Title>
      <Typography.Paragraph>
        依据 <ArticleLink article="第七条" />，摇号顺序公开并接受社会监督。本页在您的浏览器中按 QLOT-1 第 6 节重新计算：
        不向服务器上传任何内容，也不使用平台自身的计算结果。也可用命令行 <Typography.Text code>npx quancheng lottery verify</Typography.Text> 或任何语言自行验证。
      </Typography.Paragraph>

      {drawId && (
        <Card size="small" style={{ marginBottom: 12 }} title={d ? `${d.projectName} 第 ${d.round} 轮摇号${d.attempt > 1 ? `（第 ${d.attempt} 次）` : ''}` : '本次摇号'}>
          <ErrorAlert error={draw.error} />
          {d && !d.files.lotteryJson && <Alert type="info" showIcon title="尚未摇号：摇号结果文件在摇号后公布。" />}
          {d?.files.lotteryJson && (
            <Space wrap>
              <Button type="primary" data-testid="verify-start" disabled={phase !== null}
                onClick={() => start({ urls: { tsv: d.files.entrantsTsv, json: d.files.lotteryJson! } })}>
                下载本次摇号文件并验证
              </Button>
              <Link to={`/lottery/${d.id}`}>返回摇号结果</Link>
            </Space>
          )}
        </Card>
      )}

      <Card size="small" style={{ marginBottom: 12 }} title="验证任意摇号文件">
        <div data-testid="verify-drop">
        <Upload.Dragger multiple accept=".tsv,.json,.txt" fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}
          beforeUpload={(f) => { setFiles((prev) => [...prev.filter((p) => p.name !== f.name), f].slice(-2)); return false; }}
          onRemove={(u) => { setFiles((prev) => prev.filter((p) => p.name !== u.name)); }}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">将 entrants.tsv 和 lottery.json 拖到此处，或点击选择</p>
          <p className="ant-upload-hint">文件只在本机读取，不会上传</p>
        </Upload.Dragger>
        </div>
        <Button style={{ marginTop: 8 }} data-testid="verify-files-start" disabled={files.length < 2 || phase !== null} onClick={() => { void startFiles(); }}>
          验证所选文件
        </Button>
      </Card>

      {phase && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="verify-progress">
          <div>{phase.text}</div>
          <Progress percent={Math.floor(phase.percent)} status="active" />
        </Card>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {report && (
        <Card size="small" data-testid="verify-result" data-ok={report.ok ? 'true' : 'false'}>
          <Alert type={report.ok ? 'success' : 'error'} showIcon style={{ marginBottom: 12 }}
            title={report.ok ? `验证通过：${report.entrants?.toLocaleString('zh-CN')} 个名次均与重新计算的结果一致` : '验证未通过'}
            description={report.ok ? `种子 ${report.seed}` : '摇号结果与公开数据不符，见下方未通过的一项。'} />
          <List<Check>
            dataSource={report.checks}
            renderItem={(c) => (
              <List.Item data-testid={`verify-check-${c.step}`} data-state={c.state}>
                {/* Not List.Item.Meta: its title is an h4, which would skip heading levels under the page's h1. */}
                <Space align="start">
                  {ICON[c.state]}
                  <div>
                    <div style={{ fontWeight: 600 }}>{`第 ${c.step} 项：${c.title_zh}（${STATE_TEXT[c.state]}）`}</div>
                    <div style={{ wordBreak: 'break-all' }}>{c.message_zh}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.message_en}</Typography.Text>
                  </div>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}

export default LotteryVerifyPage;
