import { useParams } from 'react-router-dom';
import { AreaView } from '../components/coverage/AreaView.tsx';
import { useAreaPage } from '../components/coverage/queries.ts';
import { useAsOf } from '../lib/as-of.ts';

/** `/areas/:id`: a district or commune (or the province) by its national code. */
export function AreaPage() {
  const { id = '' } = useParams();
  const { asOf } = useAsOf();
  return <AreaView state={useAreaPage(id, asOf)} asOf={asOf} />;
}
