import type { Project, ProjectDetail } from '../../../api/sale';
import type { Account } from '../../../api/types';
import type { SaleAbilities } from '../permissions';

/** What every tab of the project page receives. */
export interface TabProps {
  detail: ProjectDetail;
  project: Project;
  me: Account | null;
  ab: SaleAbilities;
  goTab: (tab: string) => void;
}
