import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentType, graphql, useFragment } from '../../gql';
import type { Role } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { problemOf } from '../../lib/loadable.ts';

const ROLES: Role[] = ['ADMIN', 'PROVINCE', 'DISTRICT', 'OFFICER', 'ANALYST'];

// The districts a district head's account may be bound to.
const districtChoiceFields = graphql(`
  fragment DistrictChoiceFields on Area {
    id
    name
  }
`);

// Or, instead of a district, the office whose units it reaches (a BHXH cơ sở).
const officeChoiceFields = graphql(`
  fragment OfficeChoiceFields on Office {
    id
    name
  }
`);

const createAccountDocument = graphql(`
  mutation CreateAccount($input: NewAccount!) {
    createAccount(input: $input) {
      username
    }
  }
`);

/**
 * A new account: its username and name, its role with the district, office or officer it is bound
 * to, a password.
 */
export function CreateAccountForm(props: {
  districts: FragmentType<typeof districtChoiceFields>[];
  offices: FragmentType<typeof officeChoiceFields>[];
  /** The geography the districts belong to. */
  geography: string | null;
  onCreated: (username: string) => void;
}) {
  const districts = useFragment(districtChoiceFields, props.districts);
  const offices = useFragment(officeChoiceFields, props.offices);
  const [role, setRole] = useState<Role>('DISTRICT');
  const [{ fetching, error }, createAccount] = useMutation(createAccountDocument);
  const problem = problemOf(error);
  const fieldError = (argument: string) =>
    problem?.argument === argument ? (
      <span className="field-error" role="alert">
        {problem.message}
      </span>
    ) : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || null;
    // One choice of a district or an office: "area:568" or "office:KH001".
    const [kind, code] = (text('binding') ?? ':').split(':');
    const bound = (which: string) => (role === 'DISTRICT' && kind === which ? code || null : null);
    const outcome = await createAccount({
      input: {
        username: String(data.get('username') ?? '').trim(),
        displayName: text('displayName'),
        role,
        areaId: bound('area'),
        geography: bound('area') ? props.geography : null,
        officeId: bound('office'),
        staffId: role === 'OFFICER' ? text('staffId') : null,
        password: String(data.get('password') ?? ''),
      },
    });
    if (!outcome.error && outcome.data) {
      form.reset();
      props.onCreated(outcome.data.createAccount.username);
    }
  }

  return (
    <form className="form-grid" onSubmit={submit} data-action="accounts:manage">
      <label htmlFor="acc-username">{t.accounts.username}</label>
      <div>
        <input id="acc-username" name="username" required autoComplete="off" />
        {fieldError('input.username')}
      </div>
      <label htmlFor="acc-name">{t.accounts.displayName}</label>
      <input id="acc-name" name="displayName" autoComplete="off" />
      <label htmlFor="acc-role">{t.accounts.role}</label>
      <select id="acc-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t.account.roles[r]}
          </option>
        ))}
      </select>
      {role === 'DISTRICT' && (
        <>
          <label htmlFor="acc-area">{t.accounts.area}</label>
          <div>
            <select id="acc-area" name="binding">
              <optgroup label={t.accounts.districtsGroup}>
                {districts.map((d) => (
                  <option key={d.id} value={`area:${d.id}`}>
                    {d.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t.accounts.officesGroup}>
                {offices.map((o) => (
                  <option key={o.id} value={`office:${o.id}`}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            </select>
            {fieldError('input.areaId')}
            {fieldError('input.officeId')}
          </div>
        </>
      )}
      {role === 'OFFICER' && (
        <>
          <label htmlFor="acc-staff">{t.accounts.staff}</label>
          <div>
            <input id="acc-staff" name="staffId" placeholder="CB0012" autoComplete="off" />
            {fieldError('input.staffId')}
          </div>
        </>
      )}
      <label htmlFor="acc-password">{t.accounts.password}</label>
      <div>
        <input id="acc-password" name="password" type="password" required autoComplete="new-password" />
        {fieldError('input.password')}
      </div>
      {problem && !problem.argument?.startsWith('input.') && (
        <p className="field-error" role="alert">
          {problem.message}
        </p>
      )}
      <div />
      <button type="submit" className="button button--primary" disabled={fetching}>
        {t.accounts.create}
      </button>
    </form>
  );
}
