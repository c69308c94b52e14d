/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AreaOverviewFields on Area {\n    id\n    name\n    level\n    parent {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    coverage(asOf: $asOf) {\n      target\n      registered\n      approved\n      activated\n      formSigned\n      verified\n      activationRate\n      units\n      unitsContacted\n    }\n    weekAgo: coverage(asOf: $weekAgo) {\n      registered\n      approved\n      activated\n      formSigned\n      verified\n      unitsContacted\n    }\n    children {\n      id\n      code\n      name\n      level\n      coverage(asOf: $asOf) {\n        target\n        registered\n        activated\n        activationRate\n        units\n        unitsContacted\n      }\n      weekAgo: coverage(asOf: $weekAgo) {\n        activated\n      }\n    }\n  }\n": typeof types.AreaOverviewFieldsFragmentDoc,
    "\n  query RootOverview($level: AreaLevel!, $asOf: Date, $weekAgo: Date!) {\n    today\n    areas(level: $level) {\n      ...AreaOverviewFields\n    }\n  }\n": typeof types.RootOverviewDocument,
    "\n  query AreaPage($id: ID!, $asOf: Date, $weekAgo: Date!) {\n    today\n    area(id: $id) {\n      ...AreaOverviewFields\n    }\n  }\n": typeof types.AreaPageDocument,
    "\n  query LaggingUnits($id: ID!, $asOf: Date) {\n    area(id: $id) {\n      id\n      units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            officer(asOf: $asOf) {\n              id\n              fullName\n            }\n            coverage(asOf: $asOf) {\n              target\n              activated\n              activationRate\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LaggingUnitsDocument,
    "\n  query Accounts {\n    accounts {\n      username\n      displayName\n      role\n      area {\n        id\n        name\n      }\n      staff {\n        id\n        fullName\n      }\n      createdAt\n      disabled\n      tokens {\n        prefix\n        expiresAt\n        revoked\n      }\n    }\n    areas(level: DISTRICT) {\n      id\n      name\n    }\n  }\n": typeof types.AccountsDocument,
    "\n  mutation CreateAccount($input: NewAccount!) {\n    createAccount(input: $input) {\n      username\n    }\n  }\n": typeof types.CreateAccountDocument,
    "\n  mutation SetAccountDisabled($username: String!, $disabled: Boolean!) {\n    setAccountDisabled(username: $username, disabled: $disabled) {\n      username\n      disabled\n    }\n  }\n": typeof types.SetAccountDisabledDocument,
    "\n  mutation ResetPassword($username: String!, $password: String!) {\n    resetPassword(username: $username, password: $password) {\n      username\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation CreateToken($username: String!, $expiresInDays: Int) {\n    createToken(username: $username, expiresInDays: $expiresInDays) {\n      token\n      prefix\n      expiresAt\n    }\n  }\n": typeof types.CreateTokenDocument,
    "\n  mutation RevokeToken($prefix: String!) {\n    revokeToken(prefix: $prefix)\n  }\n": typeof types.RevokeTokenDocument,
    "\n  query AccessLog {\n    accessLog(first: 50) {\n      totalCount\n      entries {\n        id\n        at\n        username\n        role\n        personIds\n        field\n      }\n    }\n  }\n": typeof types.AccessLogDocument,
    "\n  query AccountEvents {\n    accountEvents(first: 50) {\n      id\n      at\n      actor\n      subject\n      action\n      detail\n      address\n    }\n  }\n": typeof types.AccountEventsDocument,
    "\n  query OfficerHome($asOf: Date) {\n    today\n    coverage(asOf: $asOf) {\n      target\n      registered\n      approved\n      activated\n      formSigned\n      verified\n      activationRate\n      units\n      unitsContacted\n    }\n    units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          coverage(asOf: $asOf) {\n            target\n            activated\n            activationRate\n          }\n        }\n      }\n    }\n  }\n": typeof types.OfficerHomeDocument,
    "\n  query UnitPage($id: ID!, $asOf: Date) {\n    today\n    unit(id: $id) {\n      id\n      name\n      sector\n      taxCode\n      address\n      office {\n        id\n        name\n      }\n      district {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      commune {\n        id\n        name\n      }\n      officer(asOf: $asOf) {\n        id\n        fullName\n      }\n      assignments {\n        staff {\n          id\n          fullName\n        }\n        from\n        until\n      }\n      milestones {\n        milestone\n        date\n        staff {\n          fullName\n        }\n        note\n      }\n      coverage(asOf: $asOf) {\n        target\n        registered\n        approved\n        activated\n        formSigned\n        verified\n        activationRate\n        units\n        unitsContacted\n      }\n    }\n  }\n": typeof types.UnitPageDocument,
    "\n  query UnitPersons($id: ID!, $asOf: Date, $after: String) {\n    unit(id: $id) {\n      id\n      persons(asOf: $asOf, first: 50, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            fullName\n            socialInsuranceCode\n            step\n            blocker {\n              label\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.UnitPersonsDocument,
};
const documents: Documents = {
    "\n  fragment AreaOverviewFields on Area {\n    id\n    name\n    level\n    parent {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    coverage(asOf: $asOf) {\n      target\n      registered\n      approved\n      activated\n      formSigned\n      verified\n      activationRate\n      units\n      unitsContacted\n    }\n    weekAgo: coverage(asOf: $weekAgo) {\n      registered\n      approved\n      activated\n      formSigned\n      verified\n      unitsContacted\n    }\n    children {\n      id\n      code\n      name\n      level\n      coverage(asOf: $asOf) {\n        target\n        registered\n        activated\n        activationRate\n        units\n        unitsContacted\n      }\n      weekAgo: coverage(asOf: $weekAgo) {\n        activated\n      }\n    }\n  }\n": types.AreaOverviewFieldsFragmentDoc,
    "\n  query RootOverview($level: AreaLevel!, $asOf: Date, $weekAgo: Date!) {\n    today\n    areas(level: $level) {\n      ...AreaOverviewFields\n    }\n  }\n": types.RootOverviewDocument,
    "\n  query AreaPage($id: ID!, $asOf: Date, $weekAgo: Date!) {\n    today\n    area(id: $id) {\n      ...AreaOverviewFields\n    }\n  }\n": types.AreaPageDocument,
    "\n  query LaggingUnits($id: ID!, $asOf: Date) {\n    area(id: $id) {\n      id\n      units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            officer(asOf: $asOf) {\n              id\n              fullName\n            }\n            coverage(asOf: $asOf) {\n              target\n              activated\n              activationRate\n            }\n          }\n        }\n      }\n    }\n  }\n": types.LaggingUnitsDocument,
    "\n  query Accounts {\n    accounts {\n      username\n      displayName\n      role\n      area {\n        id\n        name\n      }\n      staff {\n        id\n        fullName\n      }\n      createdAt\n      disabled\n      tokens {\n        prefix\n        expiresAt\n        revoked\n      }\n    }\n    areas(level: DISTRICT) {\n      id\n      name\n    }\n  }\n": types.AccountsDocument,
    "\n  mutation CreateAccount($input: NewAccount!) {\n    createAccount(input: $input) {\n      username\n    }\n  }\n": types.CreateAccountDocument,
    "\n  mutation SetAccountDisabled($username: String!, $disabled: Boolean!) {\n    setAccountDisabled(username: $username, disabled: $disabled) {\n      username\n      disabled\n    }\n  }\n": types.SetAccountDisabledDocument,
    "\n  mutation ResetPassword($username: String!, $password: String!) {\n    resetPassword(username: $username, password: $password) {\n      username\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation CreateToken($username: String!, $expiresInDays: Int) {\n    createToken(username: $username, expiresInDays: $expiresInDays) {\n      token\n      prefix\n      expiresAt\n    }\n  }\n": types.CreateTokenDocument,
    "\n  mutation RevokeToken($prefix: String!) {\n    revokeToken(prefix: $prefix)\n  }\n": types.RevokeTokenDocument,
    "\n  query AccessLog {\n    accessLog(first: 50) {\n      totalCount\n      entries {\n        id\n        at\n        username\n        role\n        personIds\n        field\n      }\n    }\n  }\n": types.AccessLogDocument,
    "\n  query AccountEvents {\n    accountEvents(first: 50) {\n      id\n      at\n      actor\n      subject\n      action\n      detail\n      address\n    }\n  }\n": types.AccountEventsDocument,
    "\n  query OfficerHome($asOf: Date) {\n    today\n    coverage(asOf: $asOf) {\n      target\n      registered\n      approved\n      activated\n      formSigned\n      verified\n      activationRate\n      units\n      unitsContacted\n    }\n    units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          coverage(asOf: $asOf) {\n            target\n            activated\n            activationRate\n          }\n        }\n      }\n    }\n  }\n": types.OfficerHomeDocument,
    "\n  query UnitPage($id: ID!, $asOf: Date) {\n    today\n    unit(id: $id) {\n      id\n      name\n      sector\n      taxCode\n      address\n      office {\n        id\n        name\n      }\n      district {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      commune {\n        id\n        name\n      }\n      officer(asOf: $asOf) {\n        id\n        fullName\n      }\n      assignments {\n        staff {\n          id\n          fullName\n        }\n        from\n        until\n      }\n      milestones {\n        milestone\n        date\n        staff {\n          fullName\n        }\n        note\n      }\n      coverage(asOf: $asOf) {\n        target\n        registered\n        approved\n        activated\n        formSigned\n        verified\n        activationRate\n        units\n        unitsContacted\n      }\n    }\n  }\n": types.UnitPageDocument,
    "\n  query UnitPersons($id: ID!, $asOf: Date, $after: String) {\n    unit(id: $id) {\n      id\n      persons(asOf: $asOf, first: 50, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            fullName\n            socialInsuranceCode\n            step\n            blocker {\n              label\n            }\n          }\n        }\n      }\n    }\n  }\n": types.UnitPersonsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AreaOverviewFields on Area {\n    id\n    name\n    level\n    parent {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    coverage(asOf: $asOf) {\n      target\n      registered\n      approved\n      activated\n      formSigned\n      verified\n      activationRate\n      units\n      unitsContacted\n    }\n    weekAgo: coverage(asOf: $weekAgo) {\n      registered\n      approved\n      activated\n      formSigned\n      verified\n      unitsContacted\n    }\n    children {\n      id\n      code\n      name\n      level\n      coverage(asOf: $asOf) {\n        target\n        registered\n        activated\n        activationRate\n        units\n        unitsContacted\n      }\n      weekAgo: coverage(asOf: $weekAgo) {\n        activated\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AreaOverviewFields on Area {\n    id\n    name\n    level\n    parent {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    coverage(asOf: $asOf) {\n      target\n      registered\n      approved\n      activated\n      formSigned\n      verified\n      activationRate\n      units\n      unitsContacted\n    }\n    weekAgo: coverage(asOf: $weekAgo) {\n      registered\n      approved\n      activated\n      formSigned\n      verified\n      unitsContacted\n    }\n    children {\n      id\n      code\n      name\n      level\n      coverage(asOf: $asOf) {\n        target\n        registered\n        activated\n        activationRate\n        units\n        unitsContacted\n      }\n      weekAgo: coverage(asOf: $weekAgo) {\n        activated\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RootOverview($level: AreaLevel!, $asOf: Date, $weekAgo: Date!) {\n    today\n    areas(level: $level) {\n      ...AreaOverviewFields\n    }\n  }\n"): (typeof documents)["\n  query RootOverview($level: AreaLevel!, $asOf: Date, $weekAgo: Date!) {\n    today\n    areas(level: $level) {\n      ...AreaOverviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AreaPage($id: ID!, $asOf: Date, $weekAgo: Date!) {\n    today\n    area(id: $id) {\n      ...AreaOverviewFields\n    }\n  }\n"): (typeof documents)["\n  query AreaPage($id: ID!, $asOf: Date, $weekAgo: Date!) {\n    today\n    area(id: $id) {\n      ...AreaOverviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaggingUnits($id: ID!, $asOf: Date) {\n    area(id: $id) {\n      id\n      units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            officer(asOf: $asOf) {\n              id\n              fullName\n            }\n            coverage(asOf: $asOf) {\n              target\n              activated\n              activationRate\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LaggingUnits($id: ID!, $asOf: Date) {\n    area(id: $id) {\n      id\n      units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            officer(asOf: $asOf) {\n              id\n              fullName\n            }\n            coverage(asOf: $asOf) {\n              target\n              activated\n              activationRate\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Accounts {\n    accounts {\n      username\n      displayName\n      role\n      area {\n        id\n        name\n      }\n      staff {\n        id\n        fullName\n      }\n      createdAt\n      disabled\n      tokens {\n        prefix\n        expiresAt\n        revoked\n      }\n    }\n    areas(level: DISTRICT) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Accounts {\n    accounts {\n      username\n      displayName\n      role\n      area {\n        id\n        name\n      }\n      staff {\n        id\n        fullName\n      }\n      createdAt\n      disabled\n      tokens {\n        prefix\n        expiresAt\n        revoked\n      }\n    }\n    areas(level: DISTRICT) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccount($input: NewAccount!) {\n    createAccount(input: $input) {\n      username\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAccount($input: NewAccount!) {\n    createAccount(input: $input) {\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAccountDisabled($username: String!, $disabled: Boolean!) {\n    setAccountDisabled(username: $username, disabled: $disabled) {\n      username\n      disabled\n    }\n  }\n"): (typeof documents)["\n  mutation SetAccountDisabled($username: String!, $disabled: Boolean!) {\n    setAccountDisabled(username: $username, disabled: $disabled) {\n      username\n      disabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($username: String!, $password: String!) {\n    resetPassword(username: $username, password: $password) {\n      username\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($username: String!, $password: String!) {\n    resetPassword(username: $username, password: $password) {\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateToken($username: String!, $expiresInDays: Int) {\n    createToken(username: $username, expiresInDays: $expiresInDays) {\n      token\n      prefix\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateToken($username: String!, $expiresInDays: Int) {\n    createToken(username: $username, expiresInDays: $expiresInDays) {\n      token\n      prefix\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeToken($prefix: String!) {\n    revokeToken(prefix: $prefix)\n  }\n"): (typeof documents)["\n  mutation RevokeToken($prefix: String!) {\n    revokeToken(prefix: $prefix)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessLog {\n    accessLog(first: 50) {\n      totalCount\n      entries {\n        id\n        at\n        username\n        role\n        personIds\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccessLog {\n    accessLog(first: 50) {\n      totalCount\n      entries {\n        id\n        at\n        username\n        role\n        personIds\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountEvents {\n    accountEvents(first: 50) {\n      id\n      at\n      actor\n      subject\n      action\n      detail\n      address\n    }\n  }\n"): (typeof documents)["\n  query AccountEvents {\n    accountEvents(first: 50) {\n      id\n      at\n      actor\n      subject\n      action\n      detail\n      address\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfficerHome($asOf: Date) {\n    today\n    coverage(asOf: $asOf) {\n      target\n      registered\n      approved\n      activated\n      formSigned\n      verified\n      activationRate\n      units\n      unitsContacted\n    }\n    units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          coverage(asOf: $asOf) {\n            target\n            activated\n            activationRate\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OfficerHome($asOf: Date) {\n    today\n    coverage(asOf: $asOf) {\n      target\n      registered\n      approved\n      activated\n      formSigned\n      verified\n      activationRate\n      units\n      unitsContacted\n    }\n    units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          coverage(asOf: $asOf) {\n            target\n            activated\n            activationRate\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitPage($id: ID!, $asOf: Date) {\n    today\n    unit(id: $id) {\n      id\n      name\n      sector\n      taxCode\n      address\n      office {\n        id\n        name\n      }\n      district {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      commune {\n        id\n        name\n      }\n      officer(asOf: $asOf) {\n        id\n        fullName\n      }\n      assignments {\n        staff {\n          id\n          fullName\n        }\n        from\n        until\n      }\n      milestones {\n        milestone\n        date\n        staff {\n          fullName\n        }\n        note\n      }\n      coverage(asOf: $asOf) {\n        target\n        registered\n        approved\n        activated\n        formSigned\n        verified\n        activationRate\n        units\n        unitsContacted\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitPage($id: ID!, $asOf: Date) {\n    today\n    unit(id: $id) {\n      id\n      name\n      sector\n      taxCode\n      address\n      office {\n        id\n        name\n      }\n      district {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      commune {\n        id\n        name\n      }\n      officer(asOf: $asOf) {\n        id\n        fullName\n      }\n      assignments {\n        staff {\n          id\n          fullName\n        }\n        from\n        until\n      }\n      milestones {\n        milestone\n        date\n        staff {\n          fullName\n        }\n        note\n      }\n      coverage(asOf: $asOf) {\n        target\n        registered\n        approved\n        activated\n        formSigned\n        verified\n        activationRate\n        units\n        unitsContacted\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitPersons($id: ID!, $asOf: Date, $after: String) {\n    unit(id: $id) {\n      id\n      persons(asOf: $asOf, first: 50, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            fullName\n            socialInsuranceCode\n            step\n            blocker {\n              label\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitPersons($id: ID!, $asOf: Date, $after: String) {\n    unit(id: $id) {\n      id\n      persons(asOf: $asOf, first: 50, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            fullName\n            socialInsuranceCode\n            step\n            blocker {\n              label\n            }\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;