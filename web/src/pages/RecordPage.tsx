import type { ComponentType } from 'react';
import { Link } from 'react-router-dom';
import { type Action, RECORDING } from '../auth/permissions.ts';
import { useCan } from '../auth/session.tsx';
import { Panel } from '../components/common/Panel.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { AssignForm } from '../components/recording/AssignForm.tsx';
import { StepsForm } from '../components/recording/StepsForm.tsx';
import { TrainingForm } from '../components/recording/TrainingForm.tsx';
import { t } from '../i18n/index.ts';

/** The forms of the page, each shown only to the accounts that hold its action. */
const FORMS: { action: Action; title: string; Form: ComponentType }[] = [
  { action: 'steps:record', title: t.recording.stepsTitle, Form: StepsForm },
  { action: 'training:record', title: t.recording.trainingTitle, Form: TrainingForm },
  { action: 'assignment:record', title: t.recording.assignTitle, Form: AssignForm },
];

/**
 * `/record`: what a district office records in bulk (Mẫu 01 forms received or verified, training
 * sessions, officers' assignments), and where a unit's milestones are recorded: on the unit's page,
 * where an officer records those of their own units.
 */
export function RecordPage() {
  const can = useCan();
  const forms = FORMS.filter((form) => can(form.action));
  const held = RECORDING.filter(can);
  return (
    <>
      <PageHeading title={t.recording.title} subtitle={forms.length > 0 ? t.recording.subtitle : undefined} />
      {held.length > 0 ? (
        <Panel title={t.recording.mayTitle}>
          <ul className="may-record">
            {held.map((action) => (
              <li key={action}>{t.recording.may[action]}</li>
            ))}
          </ul>
          {held.some((action) => !FORMS.some((form) => form.action === action)) && (
            <p>
              <Link to="/">{t.recording.toUnits}</Link>
            </p>
          )}
        </Panel>
      ) : (
        <p className="state-message">{t.recording.notForRole}</p>
      )}
      {forms.map(({ action, title, Form }) => (
        <Panel key={action} title={title}>
          <Form />
        </Panel>
      ))}
    </>
  );
}
