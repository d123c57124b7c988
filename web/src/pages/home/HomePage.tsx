import { FileSearchOutlined, FormOutlined, HomeOutlined, ReadOutlined } from '@ant-design/icons';
import { Card, Col, Row, Space, Steps, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { LinkButton } from '../../components/LinkButton';
import { ArticleLink } from '../../components/ArticleLink';
import { usePageTitle } from '../../components/usePageTitle';

const FLOW = [
  { title: '在线申请', content: <>填写家庭成员、社保、收入与住房情况（<ArticleLink article="第五条" />）</> },
  { title: '部门核查', content: '不动产、民政、社保、公积金数据自动核查' },
  { title: '区县审核', content: '审核通过即纳入轮候库，核发准予入库通知书' },
  { title: '结果公示', content: <>资格审核结果向社会公开（<ArticleLink article="第七条" />）</> },
  { title: '轮候与确认', content: <>2年内未认购需再次确认信息（<ArticleLink article="第八条" />）</> },
];

/** Public home: what the platform is and where to start. */
export function HomePage() {
  usePageTitle('首页');
  return (
    <div className="qc-container">
      <section aria-labelledby="hero-title" style={{ background: '#fff', borderRadius: 8, padding: '24px 20px', marginBottom: 16 }}>
        <Typography.Title id="hero-title" level={1} style={{ fontSize: 28, marginTop: 0 }}>
          泉城安居 · 济南市保障性住房轮候服务平台
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16 }}>
          本平台按照《济南市保障性住房配售和封闭管理办法》（济政发〔2025〕3号）运行全市统一的保障性住房轮候库：
          住房困难的工薪收入家庭和城市引进人才可在线申请入库，本市户籍农村集体经济组织成员家庭享受同等待遇；
          符合中低收入标准、生育二孩以上、有60周岁以上老人的家庭以及高层次人才享受优先摇号选房待遇（<ArticleLink article="第六条" />）。
        </Typography.Paragraph>
        <Typography.Paragraph>
          平台给出的每一条审核理由都链接到所依据的条文，您可以随时查看原文。
        </Typography.Paragraph>
        <Space wrap>
          <LinkButton to="/my/new" type="primary" size="large" data-testid="home-apply">我要申请</LinkButton>
          <LinkButton to="/projects" size="large" icon={<HomeOutlined />} data-testid="home-projects">正在配售的项目</LinkButton>
        </Space>
      </section>

      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card title={<><FormOutlined aria-hidden /> 申请入库</>}>
            <p>注册账号后在手机上即可填写申请，可随时保存草稿，下次继续。</p>
            <Link to="/register">注册账号</Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={<><ReadOutlined aria-hidden /> 政策原文</>}>
            <p>按文件、章、条阅读济南市政府公报2025年第7、8期的政策文件。</p>
            <Link to="/law">阅读政策</Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={<><FileSearchOutlined aria-hidden /> 资格审核结果公示</>}>
            <p>按登记编号查询资格审核结果，姓名与身份证号均已脱敏。</p>
            <Link to="/results">查看公示</Link>
          </Card>
        </Col>
      </Row>

      <section aria-labelledby="flow-title" style={{ background: '#fff', borderRadius: 8, padding: 20, marginTop: 16 }}>
        <Typography.Title id="flow-title" level={2} style={{ fontSize: 20, marginTop: 0 }}>办理流程</Typography.Title>
        <Steps orientation="vertical" current={-1} items={FLOW} />
      </section>
    </div>
  );
}
