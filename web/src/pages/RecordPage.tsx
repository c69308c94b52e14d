import { useSession } from '../auth/session.tsx';
import { Panel } from '../components/common/Panel.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { AssignForm } from '../components/recording/AssignForm.tsx';
import { StepsForm } from '../components/recording/StepsForm.tsx';
import { TrainingForm } from '../components/recording/TrainingForm.tsx';
import { t } from '../i18n/index.ts';

/**
 * `/record`: what a district office records in bulk (Mẫu 01 forms received or verified, training
 * sessions, officers' assignments). Officers record a unit's milestones on the unit's page.
 */
export function RecordPage() {
  const { state } = useSession();
  const role = state.status === 'signed-in' ? state.user.role : null;
  if (role !== 'ADMIN' && role !== 'DISTRICT')
    return (
      <>
        <PageHeading title={t.recording.title} />
        <p className="state-message">{t.recording.notForRole}</p>
      </>
    );
  return (
    <>
      <PageHeading title={t.recording.title} subtitle={t.recording.subtitle} />
      <Panel title={t.recording.stepsTitle}>
        <StepsForm />
      </Panel>
      <Panel title={t.recording.trainingTitle}>
        <TrainingForm />
      </Panel>
      <Panel title={t.recording.assignTitle}>
        <AssignForm />
      </Panel>
    </>
  );
}
