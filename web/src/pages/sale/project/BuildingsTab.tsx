import { Card, Col, Row, Spin, Typography } from 'antd';
import { useGrid } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitGrid } from '../../../components/UnitGrid';
import { AddBuildingForm, AddUnitForm } from './CatalogueForms';
import { ImportUnits } from './ImportUnits';
import type { TabProps } from './tabProps';

/** 楼栋与房源: add buildings and units (by form or xlsx import) and see the colour grid per building. */
export function BuildingsTab({ detail, project, ab }: TabProps) {
  const grid = useGrid(project.id);
  // 第十条 房源全部公开配售: once a sale notice is published the catalogue is closed
  const open = project.status === 'draft' && !detail.plans.some((x) => x.status === 'published');
  return (
    <>
      <Typography.Paragraph>
        具备条件的保障性住房项目房源应全部公开配售（<ArticleLink article="第十条" />）；房源在价格审定前为“未定价”，不得配售（<ArticleLink article="第十二条" />）。
      </Typography.Paragraph>
      {ab.editCatalogue && open ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={8}><AddBuildingForm projectId={project.id} /></Col>
          <Col xs={24} xl={16}><AddUnitForm projectId={project.id} buildings={detail.buildings} /></Col>
          <Col span={24}><ImportUnits projectId={project.id} code={project.code} /></Col>
        </Row>
      ) : null}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>房源表</h2>} size="small">
        <ErrorAlert error={grid.error} />
        {grid.isLoading ? <Spin aria-label="加载中" /> : <UnitGrid buildings={grid.data ?? []} showPrice />}
      </Card>
    </>
  );
}
