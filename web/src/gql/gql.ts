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
    "\n  query AccessLog {\n    accessLog(first: 50) {\n      totalCount\n      entries {\n        id\n        at\n        username\n        role\n        personIds\n        field\n      }\n    }\n  }\n": typeof types.AccessLogDocument,
    "\n  query AccountEvents {\n    accountEvents(first: 50) {\n      id\n      at\n      actor\n      subject\n      action\n      detail\n      address\n    }\n  }\n": typeof types.AccountEventsDocument,
    "\n  fragment AccountRowFields on Account {\n    username\n    displayName\n    role\n    area {\n      id\n      name\n    }\n    staff {\n      id\n      fullName\n    }\n    disabled\n    tokens {\n      prefix\n      expiresAt\n      revoked\n    }\n  }\n": typeof types.AccountRowFieldsFragmentDoc,
    "\n  mutation SetAccountDisabled($username: String!, $disabled: Boolean!) {\n    setAccountDisabled(username: $username, disabled: $disabled) {\n      username\n      disabled\n    }\n  }\n": typeof types.SetAccountDisabledDocument,
    "\n  mutation ResetPassword($username: String!, $password: String!) {\n    resetPassword(username: $username, password: $password) {\n      username\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation CreateToken($username: String!, $expiresInDays: Int) {\n    createToken(username: $username, expiresInDays: $expiresInDays) {\n      token\n      prefix\n      expiresAt\n    }\n  }\n": typeof types.CreateTokenDocument,
    "\n  mutation RevokeToken($prefix: String!) {\n    revokeToken(prefix: $prefix)\n  }\n": typeof types.RevokeTokenDocument,
    "\n  fragment DistrictChoiceFields on Area {\n    id\n    name\n  }\n": typeof types.DistrictChoiceFieldsFragmentDoc,
    "\n  mutation CreateAccount($input: NewAccount!) {\n    createAccount(input: $input) {\n      username\n    }\n  }\n": typeof types.CreateAccountDocument,
    "\n  query RefusalAlerts {\n    refusalAlerts {\n      threshold\n      accounts {\n        username\n        refusals\n        at\n        minutes\n        lastAt\n      }\n    }\n  }\n": typeof types.RefusalAlertsDocument,
    "\n  query Refusals {\n    refusals(first: 50) {\n      totalCount\n      entries {\n        id\n        at\n        username\n        role\n        field\n        argument\n        reason\n      }\n    }\n  }\n": typeof types.RefusalsDocument,
    "\n  query Blockers($scope: Scope!, $asOf: Date) {\n    blockers(scope: $scope, asOf: $asOf) {\n      reason\n      persons\n      share\n    }\n  }\n": typeof types.BlockersDocument,
    "\n  fragment AreaViewFields on Area {\n    id\n    name\n    level\n    parent {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    ...ProvinceTilesFields\n    ...DistrictChartFields\n    ...DistrictTableFields\n  }\n": typeof types.AreaViewFieldsFragmentDoc,
    "\n  fragment CoverageTilesFields on Coverage {\n    target\n    registered\n    approved\n    activated\n    formSigned\n    verified\n    activationRate\n    units\n    unitsContacted\n  }\n": typeof types.CoverageTilesFieldsFragmentDoc,
    "\n  fragment DistrictChartFields on Area {\n    name\n    coverage(asOf: $asOf) {\n      activationRate\n      goal {\n        rate\n      }\n    }\n    children {\n      id\n      name\n      coverage(asOf: $asOf) {\n        target\n        activated\n        activationRate\n      }\n    }\n  }\n": typeof types.DistrictChartFieldsFragmentDoc,
    "\n  fragment DistrictTableCells on Coverage {\n    target\n    registered\n    activated\n    activationRate\n    units\n    unitsContacted\n  }\n": typeof types.DistrictTableCellsFragmentDoc,
    "\n  fragment DistrictTableFields on Area {\n    name\n    coverage(asOf: $asOf) {\n      activated\n      ...DistrictTableCells\n    }\n    weekAgo: coverage(asOf: $weekAgo) {\n      activated\n    }\n    children {\n      id\n      name\n      coverage(asOf: $asOf) {\n        activated\n        activationRate\n        ...DistrictTableCells\n      }\n      weekAgo: coverage(asOf: $weekAgo) {\n        activated\n      }\n    }\n  }\n": typeof types.DistrictTableFieldsFragmentDoc,
    "\n  fragment ProvinceTilesFields on Area {\n    name\n    coverage(asOf: $asOf) {\n      ...CoverageTilesFields\n    }\n    weekAgo: coverage(asOf: $weekAgo) {\n      ...CoverageTilesFields\n    }\n  }\n": typeof types.ProvinceTilesFieldsFragmentDoc,
    "\n  query RootOverview($level: AreaLevel!, $asOf: Date, $weekAgo: Date!) {\n    today\n    areas(level: $level) {\n      ...AreaViewFields\n    }\n  }\n": typeof types.RootOverviewDocument,
    "\n  query AreaPage($id: ID!, $asOf: Date, $weekAgo: Date!) {\n    today\n    area(id: $id) {\n      ...AreaViewFields\n    }\n  }\n": typeof types.AreaPageDocument,
    "\n  query ImportHistory {\n    imports(first: 20) {\n      id\n      kind\n      fileName\n      username\n      osUser\n      finishedAt\n      rowsRead\n      rowsWritten\n      rowsRejected\n      warnings\n      outcome\n    }\n  }\n": typeof types.ImportHistoryDocument,
    "\n  query ScopePeople($scope: Scope!, $asOf: Date) {\n    offices: breakdown(by: OFFICE, scope: $scope, asOf: $asOf) {\n      key\n      label\n    }\n    officers: breakdown(by: STAFF, scope: $scope, asOf: $asOf) {\n      key\n      label\n      coverage {\n        target\n        registered\n        activated\n        activationRate\n        units\n        unitsContacted\n      }\n    }\n  }\n": typeof types.ScopePeopleDocument,
    "\n  query GoalPanel($id: ID!, $asOf: Date, $rate: Float!) {\n    coverage(scope: { areaId: $id }, asOf: $asOf) {\n      activationRate\n      goal {\n        area {\n          name\n        }\n        rate\n        deadline\n        activationsNeeded\n        daysLeft\n        neededPerDay\n        met\n      }\n    }\n    pace(scope: { areaId: $id }, asOf: $asOf) {\n      perDayLast7\n      perDayLast28\n    }\n    forecast(scope: { areaId: $id }, asOf: $asOf, targetRate: $rate) {\n      date\n    }\n  }\n": typeof types.GoalPanelDocument,
    "\n  query ScopeTrend($scope: Scope!, $from: Date!, $to: Date!) {\n    trend(scope: $scope, from: $from, to: $to) {\n      date\n      registered\n      approved\n      activated\n      formSigned\n      verified\n    }\n  }\n": typeof types.ScopeTrendDocument,
    "\n  mutation AssignOfficer($unitIds: [ID!]!, $staffId: ID!, $from: Date!) {\n    assignOfficer(unitIds: $unitIds, staffId: $staffId, from: $from) {\n      written\n      unchanged\n    }\n  }\n": typeof types.AssignOfficerDocument,
    "\n  query AuditLog {\n    auditLog(first: 100) {\n      totalCount\n      entries {\n        at\n        actor\n        action\n        entityKey\n        before\n        after\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation RecordMilestone($unitId: ID!, $milestone: Milestone!, $date: Date!, $note: String) {\n    recordMilestone(unitId: $unitId, milestone: $milestone, date: $date, note: $note) {\n      changed\n      milestone {\n        milestone\n        date\n      }\n    }\n  }\n": typeof types.RecordMilestoneDocument,
    "\n  mutation RecordSteps($step: Step!, $date: Date!, $codes: [String!]!) {\n    recordSteps(step: $step, date: $date, socialInsuranceCodes: $codes) {\n      written\n      unchanged\n    }\n  }\n": typeof types.RecordStepsDocument,
    "\n  mutation RecordTraining(\n    $officeId: ID!\n    $heldOn: Date!\n    $title: String!\n    $location: String\n    $unitIds: [ID!]!\n  ) {\n    recordTraining(officeId: $officeId, heldOn: $heldOn, title: $title, location: $location, unitIds: $unitIds) {\n      session {\n        id\n      }\n      units {\n        written\n        unchanged\n      }\n    }\n  }\n": typeof types.RecordTrainingDocument,
    "\n  query PublishedReports {\n    publishedReports(first: 100) {\n      id\n      number\n      areaName\n      asOf\n      compare\n      issuedOn\n      author\n      createdAt\n      files {\n        format\n        url\n      }\n    }\n  }\n": typeof types.PublishedReportsDocument,
    "\n  query ReportChanges($id: ID!) {\n    reportChanges(id: $id) {\n      text\n    }\n  }\n": typeof types.ReportChangesDocument,
    "\n  query ReportAreas {\n    today\n    provinces: areas(level: PROVINCE) {\n      id\n      name\n    }\n    districts: areas(level: DISTRICT) {\n      id\n      name\n    }\n  }\n": typeof types.ReportAreasDocument,
    "\n  query ReportPreview($areaId: ID, $asOf: Date!, $compare: Date) {\n    report(areaId: $areaId, asOf: $asOf, compare: $compare) {\n      title\n      areaCode\n      areaName\n      asOf\n      compare\n      narrative\n      summary {\n        ...ReportTableFields\n      }\n      tables {\n        key\n        ...ReportTableFields\n      }\n    }\n  }\n": typeof types.ReportPreviewDocument,
    "\n  mutation PublishReport($areaId: ID, $asOf: Date!, $compare: Date) {\n    publishReport(areaId: $areaId, asOf: $asOf, compare: $compare) {\n      id\n      number\n    }\n  }\n": typeof types.PublishReportDocument,
    "\n  fragment ReportTableFields on ReportTable {\n    key\n    title\n    note\n    columns {\n      key\n      header\n      kind\n    }\n    rows {\n      key\n      total\n      cells {\n        text\n      }\n    }\n  }\n": typeof types.ReportTableFieldsFragmentDoc,
    "\n  query LaggingUnits($id: ID!, $asOf: Date) {\n    area(id: $id) {\n      id\n      units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            officer(asOf: $asOf) {\n              id\n              fullName\n            }\n            coverage(asOf: $asOf) {\n              target\n              activated\n              activationRate\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LaggingUnitsDocument,
    "\n  query OfficerTodo($scope: Scope!, $asOf: Date) {\n    notContacted: units(scope: $scope, filter: { notContacted: true }, orderBy: NAME, asOf: $asOf, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    notGuided: units(\n      scope: $scope\n      filter: { reached: LEADERSHIP_CONTACTED, notReached: REPRESENTATIVE_GUIDED }\n      orderBy: NAME\n      asOf: $asOf\n      first: 100\n    ) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.OfficerTodoDocument,
    "\n  query UnitPersons($id: ID!, $asOf: Date, $after: String) {\n    unit(id: $id) {\n      id\n      persons(asOf: $asOf, first: 50, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            fullName\n            socialInsuranceCode\n            step\n            blocker {\n              reason\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.UnitPersonsDocument,
    "\n  fragment UnitHistoryFields on Unit {\n    assignments {\n      staff {\n        id\n        fullName\n      }\n      from\n      until\n    }\n  }\n": typeof types.UnitHistoryFieldsFragmentDoc,
    "\n  fragment UnitIdentityFields on Unit {\n    id\n    sector\n    taxCode\n    address\n    office {\n      id\n      name\n    }\n    officer(asOf: $asOf) {\n      id\n      fullName\n    }\n  }\n": typeof types.UnitIdentityFieldsFragmentDoc,
    "\n  fragment UnitTimelineFields on Unit {\n    milestones {\n      milestone\n      date\n      staff {\n        fullName\n      }\n      note\n    }\n  }\n": typeof types.UnitTimelineFieldsFragmentDoc,
    "\n  query UnitsTable($scope: Scope!, $filter: UnitFilter, $orderBy: UnitOrder, $asOf: Date, $after: String) {\n    units(scope: $scope, filter: $filter, orderBy: $orderBy, asOf: $asOf, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          sector\n          officer(asOf: $asOf) {\n            id\n            fullName\n          }\n          coverage(asOf: $asOf) {\n            target\n            activated\n            activationRate\n          }\n        }\n      }\n    }\n  }\n": typeof types.UnitsTableDocument,
    "\n  query AccountsPage {\n    accounts {\n      username\n      ...AccountRowFields\n    }\n    areas(level: DISTRICT) {\n      ...DistrictChoiceFields\n    }\n  }\n": typeof types.AccountsPageDocument,
    "\n  query OfficerPage($id: ID!, $asOf: Date) {\n    today\n    staff(id: $id) {\n      id\n      fullName\n      office {\n        id\n        name\n        area {\n          id\n          name\n          parent {\n            id\n            name\n          }\n        }\n      }\n      coverage(asOf: $asOf) {\n        ...CoverageTilesFields\n      }\n    }\n    units(scope: { staffId: $id }, orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          sector\n          coverage(asOf: $asOf) {\n            target\n            activated\n            activationRate\n          }\n        }\n      }\n    }\n  }\n": typeof types.OfficerPageDocument,
    "\n  query UnitPage($id: ID!, $asOf: Date) {\n    today\n    unit(id: $id) {\n      id\n      name\n      district {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      commune {\n        id\n        name\n      }\n      coverage(asOf: $asOf) {\n        ...CoverageTilesFields\n      }\n      ...UnitIdentityFields\n      ...UnitTimelineFields\n      ...UnitHistoryFields\n    }\n  }\n": typeof types.UnitPageDocument,
};
const documents: Documents = {
    "\n  query AccessLog {\n    accessLog(first: 50) {\n      totalCount\n      entries {\n        id\n        at\n        username\n        role\n        personIds\n        field\n      }\n    }\n  }\n": types.AccessLogDocument,
    "\n  query AccountEvents {\n    accountEvents(first: 50) {\n      id\n      at\n      actor\n      subject\n      action\n      detail\n      address\n    }\n  }\n": types.AccountEventsDocument,
    "\n  fragment AccountRowFields on Account {\n    username\n    displayName\n    role\n    area {\n      id\n      name\n    }\n    staff {\n      id\n      fullName\n    }\n    disabled\n    tokens {\n      prefix\n      expiresAt\n      revoked\n    }\n  }\n": types.AccountRowFieldsFragmentDoc,
    "\n  mutation SetAccountDisabled($username: String!, $disabled: Boolean!) {\n    setAccountDisabled(username: $username, disabled: $disabled) {\n      username\n      disabled\n    }\n  }\n": types.SetAccountDisabledDocument,
    "\n  mutation ResetPassword($username: String!, $password: String!) {\n    resetPassword(username: $username, password: $password) {\n      username\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation CreateToken($username: String!, $expiresInDays: Int) {\n    createToken(username: $username, expiresInDays: $expiresInDays) {\n      token\n      prefix\n      expiresAt\n    }\n  }\n": types.CreateTokenDocument,
    "\n  mutation RevokeToken($prefix: String!) {\n    revokeToken(prefix: $prefix)\n  }\n": types.RevokeTokenDocument,
    "\n  fragment DistrictChoiceFields on Area {\n    id\n    name\n  }\n": types.DistrictChoiceFieldsFragmentDoc,
    "\n  mutation CreateAccount($input: NewAccount!) {\n    createAccount(input: $input) {\n      username\n    }\n  }\n": types.CreateAccountDocument,
    "\n  query RefusalAlerts {\n    refusalAlerts {\n      threshold\n      accounts {\n        username\n        refusals\n        at\n        minutes\n        lastAt\n      }\n    }\n  }\n": types.RefusalAlertsDocument,
    "\n  query Refusals {\n    refusals(first: 50) {\n      totalCount\n      entries {\n        id\n        at\n        username\n        role\n        field\n        argument\n        reason\n      }\n    }\n  }\n": types.RefusalsDocument,
    "\n  query Blockers($scope: Scope!, $asOf: Date) {\n    blockers(scope: $scope, asOf: $asOf) {\n      reason\n      persons\n      share\n    }\n  }\n": types.BlockersDocument,
    "\n  fragment AreaViewFields on Area {\n    id\n    name\n    level\n    parent {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    ...ProvinceTilesFields\n    ...DistrictChartFields\n    ...DistrictTableFields\n  }\n": types.AreaViewFieldsFragmentDoc,
    "\n  fragment CoverageTilesFields on Coverage {\n    target\n    registered\n    approved\n    activated\n    formSigned\n    verified\n    activationRate\n    units\n    unitsContacted\n  }\n": types.CoverageTilesFieldsFragmentDoc,
    "\n  fragment DistrictChartFields on Area {\n    name\n    coverage(asOf: $asOf) {\n      activationRate\n      goal {\n        rate\n      }\n    }\n    children {\n      id\n      name\n      coverage(asOf: $asOf) {\n        target\n        activated\n        activationRate\n      }\n    }\n  }\n": types.DistrictChartFieldsFragmentDoc,
    "\n  fragment DistrictTableCells on Coverage {\n    target\n    registered\n    activated\n    activationRate\n    units\n    unitsContacted\n  }\n": types.DistrictTableCellsFragmentDoc,
    "\n  fragment DistrictTableFields on Area {\n    name\n    coverage(asOf: $asOf) {\n      activated\n      ...DistrictTableCells\n    }\n    weekAgo: coverage(asOf: $weekAgo) {\n      activated\n    }\n    children {\n      id\n      name\n      coverage(asOf: $asOf) {\n        activated\n        activationRate\n        ...DistrictTableCells\n      }\n      weekAgo: coverage(asOf: $weekAgo) {\n        activated\n      }\n    }\n  }\n": types.DistrictTableFieldsFragmentDoc,
    "\n  fragment ProvinceTilesFields on Area {\n    name\n    coverage(asOf: $asOf) {\n      ...CoverageTilesFields\n    }\n    weekAgo: coverage(asOf: $weekAgo) {\n      ...CoverageTilesFields\n    }\n  }\n": types.ProvinceTilesFieldsFragmentDoc,
    "\n  query RootOverview($level: AreaLevel!, $asOf: Date, $weekAgo: Date!) {\n    today\n    areas(level: $level) {\n      ...AreaViewFields\n    }\n  }\n": types.RootOverviewDocument,
    "\n  query AreaPage($id: ID!, $asOf: Date, $weekAgo: Date!) {\n    today\n    area(id: $id) {\n      ...AreaViewFields\n    }\n  }\n": types.AreaPageDocument,
    "\n  query ImportHistory {\n    imports(first: 20) {\n      id\n      kind\n      fileName\n      username\n      osUser\n      finishedAt\n      rowsRead\n      rowsWritten\n      rowsRejected\n      warnings\n      outcome\n    }\n  }\n": types.ImportHistoryDocument,
    "\n  query ScopePeople($scope: Scope!, $asOf: Date) {\n    offices: breakdown(by: OFFICE, scope: $scope, asOf: $asOf) {\n      key\n      label\n    }\n    officers: breakdown(by: STAFF, scope: $scope, asOf: $asOf) {\n      key\n      label\n      coverage {\n        target\n        registered\n        activated\n        activationRate\n        units\n        unitsContacted\n      }\n    }\n  }\n": types.ScopePeopleDocument,
    "\n  query GoalPanel($id: ID!, $asOf: Date, $rate: Float!) {\n    coverage(scope: { areaId: $id }, asOf: $asOf) {\n      activationRate\n      goal {\n        area {\n          name\n        }\n        rate\n        deadline\n        activationsNeeded\n        daysLeft\n        neededPerDay\n        met\n      }\n    }\n    pace(scope: { areaId: $id }, asOf: $asOf) {\n      perDayLast7\n      perDayLast28\n    }\n    forecast(scope: { areaId: $id }, asOf: $asOf, targetRate: $rate) {\n      date\n    }\n  }\n": types.GoalPanelDocument,
    "\n  query ScopeTrend($scope: Scope!, $from: Date!, $to: Date!) {\n    trend(scope: $scope, from: $from, to: $to) {\n      date\n      registered\n      approved\n      activated\n      formSigned\n      verified\n    }\n  }\n": types.ScopeTrendDocument,
    "\n  mutation AssignOfficer($unitIds: [ID!]!, $staffId: ID!, $from: Date!) {\n    assignOfficer(unitIds: $unitIds, staffId: $staffId, from: $from) {\n      written\n      unchanged\n    }\n  }\n": types.AssignOfficerDocument,
    "\n  query AuditLog {\n    auditLog(first: 100) {\n      totalCount\n      entries {\n        at\n        actor\n        action\n        entityKey\n        before\n        after\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation RecordMilestone($unitId: ID!, $milestone: Milestone!, $date: Date!, $note: String) {\n    recordMilestone(unitId: $unitId, milestone: $milestone, date: $date, note: $note) {\n      changed\n      milestone {\n        milestone\n        date\n      }\n    }\n  }\n": types.RecordMilestoneDocument,
    "\n  mutation RecordSteps($step: Step!, $date: Date!, $codes: [String!]!) {\n    recordSteps(step: $step, date: $date, socialInsuranceCodes: $codes) {\n      written\n      unchanged\n    }\n  }\n": types.RecordStepsDocument,
    "\n  mutation RecordTraining(\n    $officeId: ID!\n    $heldOn: Date!\n    $title: String!\n    $location: String\n    $unitIds: [ID!]!\n  ) {\n    recordTraining(officeId: $officeId, heldOn: $heldOn, title: $title, location: $location, unitIds: $unitIds) {\n      session {\n        id\n      }\n      units {\n        written\n        unchanged\n      }\n    }\n  }\n": types.RecordTrainingDocument,
    "\n  query PublishedReports {\n    publishedReports(first: 100) {\n      id\n      number\n      areaName\n      asOf\n      compare\n      issuedOn\n      author\n      createdAt\n      files {\n        format\n        url\n      }\n    }\n  }\n": types.PublishedReportsDocument,
    "\n  query ReportChanges($id: ID!) {\n    reportChanges(id: $id) {\n      text\n    }\n  }\n": types.ReportChangesDocument,
    "\n  query ReportAreas {\n    today\n    provinces: areas(level: PROVINCE) {\n      id\n      name\n    }\n    districts: areas(level: DISTRICT) {\n      id\n      name\n    }\n  }\n": types.ReportAreasDocument,
    "\n  query ReportPreview($areaId: ID, $asOf: Date!, $compare: Date) {\n    report(areaId: $areaId, asOf: $asOf, compare: $compare) {\n      title\n      areaCode\n      areaName\n      asOf\n      compare\n      narrative\n      summary {\n        ...ReportTableFields\n      }\n      tables {\n        key\n        ...ReportTableFields\n      }\n    }\n  }\n": types.ReportPreviewDocument,
    "\n  mutation PublishReport($areaId: ID, $asOf: Date!, $compare: Date) {\n    publishReport(areaId: $areaId, asOf: $asOf, compare: $compare) {\n      id\n      number\n    }\n  }\n": types.PublishReportDocument,
    "\n  fragment ReportTableFields on ReportTable {\n    key\n    title\n    note\n    columns {\n      key\n      header\n      kind\n    }\n    rows {\n      key\n      total\n      cells {\n        text\n      }\n    }\n  }\n": types.ReportTableFieldsFragmentDoc,
    "\n  query LaggingUnits($id: ID!, $asOf: Date) {\n    area(id: $id) {\n      id\n      units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            officer(asOf: $asOf) {\n              id\n              fullName\n            }\n            coverage(asOf: $asOf) {\n              target\n              activated\n              activationRate\n            }\n          }\n        }\n      }\n    }\n  }\n": types.LaggingUnitsDocument,
    "\n  query OfficerTodo($scope: Scope!, $asOf: Date) {\n    notContacted: units(scope: $scope, filter: { notContacted: true }, orderBy: NAME, asOf: $asOf, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    notGuided: units(\n      scope: $scope\n      filter: { reached: LEADERSHIP_CONTACTED, notReached: REPRESENTATIVE_GUIDED }\n      orderBy: NAME\n      asOf: $asOf\n      first: 100\n    ) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.OfficerTodoDocument,
    "\n  query UnitPersons($id: ID!, $asOf: Date, $after: String) {\n    unit(id: $id) {\n      id\n      persons(asOf: $asOf, first: 50, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            fullName\n            socialInsuranceCode\n            step\n            blocker {\n              reason\n            }\n          }\n        }\n      }\n    }\n  }\n": types.UnitPersonsDocument,
    "\n  fragment UnitHistoryFields on Unit {\n    assignments {\n      staff {\n        id\n        fullName\n      }\n      from\n      until\n    }\n  }\n": types.UnitHistoryFieldsFragmentDoc,
    "\n  fragment UnitIdentityFields on Unit {\n    id\n    sector\n    taxCode\n    address\n    office {\n      id\n      name\n    }\n    officer(asOf: $asOf) {\n      id\n      fullName\n    }\n  }\n": types.UnitIdentityFieldsFragmentDoc,
    "\n  fragment UnitTimelineFields on Unit {\n    milestones {\n      milestone\n      date\n      staff {\n        fullName\n      }\n      note\n    }\n  }\n": types.UnitTimelineFieldsFragmentDoc,
    "\n  query UnitsTable($scope: Scope!, $filter: UnitFilter, $orderBy: UnitOrder, $asOf: Date, $after: String) {\n    units(scope: $scope, filter: $filter, orderBy: $orderBy, asOf: $asOf, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          sector\n          officer(asOf: $asOf) {\n            id\n            fullName\n          }\n          coverage(asOf: $asOf) {\n            target\n            activated\n            activationRate\n          }\n        }\n      }\n    }\n  }\n": types.UnitsTableDocument,
    "\n  query AccountsPage {\n    accounts {\n      username\n      ...AccountRowFields\n    }\n    areas(level: DISTRICT) {\n      ...DistrictChoiceFields\n    }\n  }\n": types.AccountsPageDocument,
    "\n  query OfficerPage($id: ID!, $asOf: Date) {\n    today\n    staff(id: $id) {\n      id\n      fullName\n      office {\n        id\n        name\n        area {\n          id\n          name\n          parent {\n            id\n            name\n          }\n        }\n      }\n      coverage(asOf: $asOf) {\n        ...CoverageTilesFields\n      }\n    }\n    units(scope: { staffId: $id }, orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          sector\n          coverage(asOf: $asOf) {\n            target\n            activated\n            activationRate\n          }\n        }\n      }\n    }\n  }\n": types.OfficerPageDocument,
    "\n  query UnitPage($id: ID!, $asOf: Date) {\n    today\n    unit(id: $id) {\n      id\n      name\n      district {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      commune {\n        id\n        name\n      }\n      coverage(asOf: $asOf) {\n        ...CoverageTilesFields\n      }\n      ...UnitIdentityFields\n      ...UnitTimelineFields\n      ...UnitHistoryFields\n    }\n  }\n": types.UnitPageDocument,
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
export function graphql(source: "\n  query AccessLog {\n    accessLog(first: 50) {\n      totalCount\n      entries {\n        id\n        at\n        username\n        role\n        personIds\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccessLog {\n    accessLog(first: 50) {\n      totalCount\n      entries {\n        id\n        at\n        username\n        role\n        personIds\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountEvents {\n    accountEvents(first: 50) {\n      id\n      at\n      actor\n      subject\n      action\n      detail\n      address\n    }\n  }\n"): (typeof documents)["\n  query AccountEvents {\n    accountEvents(first: 50) {\n      id\n      at\n      actor\n      subject\n      action\n      detail\n      address\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountRowFields on Account {\n    username\n    displayName\n    role\n    area {\n      id\n      name\n    }\n    staff {\n      id\n      fullName\n    }\n    disabled\n    tokens {\n      prefix\n      expiresAt\n      revoked\n    }\n  }\n"): (typeof documents)["\n  fragment AccountRowFields on Account {\n    username\n    displayName\n    role\n    area {\n      id\n      name\n    }\n    staff {\n      id\n      fullName\n    }\n    disabled\n    tokens {\n      prefix\n      expiresAt\n      revoked\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment DistrictChoiceFields on Area {\n    id\n    name\n  }\n"): (typeof documents)["\n  fragment DistrictChoiceFields on Area {\n    id\n    name\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccount($input: NewAccount!) {\n    createAccount(input: $input) {\n      username\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAccount($input: NewAccount!) {\n    createAccount(input: $input) {\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefusalAlerts {\n    refusalAlerts {\n      threshold\n      accounts {\n        username\n        refusals\n        at\n        minutes\n        lastAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query RefusalAlerts {\n    refusalAlerts {\n      threshold\n      accounts {\n        username\n        refusals\n        at\n        minutes\n        lastAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Refusals {\n    refusals(first: 50) {\n      totalCount\n      entries {\n        id\n        at\n        username\n        role\n        field\n        argument\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query Refusals {\n    refusals(first: 50) {\n      totalCount\n      entries {\n        id\n        at\n        username\n        role\n        field\n        argument\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Blockers($scope: Scope!, $asOf: Date) {\n    blockers(scope: $scope, asOf: $asOf) {\n      reason\n      persons\n      share\n    }\n  }\n"): (typeof documents)["\n  query Blockers($scope: Scope!, $asOf: Date) {\n    blockers(scope: $scope, asOf: $asOf) {\n      reason\n      persons\n      share\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AreaViewFields on Area {\n    id\n    name\n    level\n    parent {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    ...ProvinceTilesFields\n    ...DistrictChartFields\n    ...DistrictTableFields\n  }\n"): (typeof documents)["\n  fragment AreaViewFields on Area {\n    id\n    name\n    level\n    parent {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    ...ProvinceTilesFields\n    ...DistrictChartFields\n    ...DistrictTableFields\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CoverageTilesFields on Coverage {\n    target\n    registered\n    approved\n    activated\n    formSigned\n    verified\n    activationRate\n    units\n    unitsContacted\n  }\n"): (typeof documents)["\n  fragment CoverageTilesFields on Coverage {\n    target\n    registered\n    approved\n    activated\n    formSigned\n    verified\n    activationRate\n    units\n    unitsContacted\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DistrictChartFields on Area {\n    name\n    coverage(asOf: $asOf) {\n      activationRate\n      goal {\n        rate\n      }\n    }\n    children {\n      id\n      name\n      coverage(asOf: $asOf) {\n        target\n        activated\n        activationRate\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DistrictChartFields on Area {\n    name\n    coverage(asOf: $asOf) {\n      activationRate\n      goal {\n        rate\n      }\n    }\n    children {\n      id\n      name\n      coverage(asOf: $asOf) {\n        target\n        activated\n        activationRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DistrictTableCells on Coverage {\n    target\n    registered\n    activated\n    activationRate\n    units\n    unitsContacted\n  }\n"): (typeof documents)["\n  fragment DistrictTableCells on Coverage {\n    target\n    registered\n    activated\n    activationRate\n    units\n    unitsContacted\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DistrictTableFields on Area {\n    name\n    coverage(asOf: $asOf) {\n      activated\n      ...DistrictTableCells\n    }\n    weekAgo: coverage(asOf: $weekAgo) {\n      activated\n    }\n    children {\n      id\n      name\n      coverage(asOf: $asOf) {\n        activated\n        activationRate\n        ...DistrictTableCells\n      }\n      weekAgo: coverage(asOf: $weekAgo) {\n        activated\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DistrictTableFields on Area {\n    name\n    coverage(asOf: $asOf) {\n      activated\n      ...DistrictTableCells\n    }\n    weekAgo: coverage(asOf: $weekAgo) {\n      activated\n    }\n    children {\n      id\n      name\n      coverage(asOf: $asOf) {\n        activated\n        activationRate\n        ...DistrictTableCells\n      }\n      weekAgo: coverage(asOf: $weekAgo) {\n        activated\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProvinceTilesFields on Area {\n    name\n    coverage(asOf: $asOf) {\n      ...CoverageTilesFields\n    }\n    weekAgo: coverage(asOf: $weekAgo) {\n      ...CoverageTilesFields\n    }\n  }\n"): (typeof documents)["\n  fragment ProvinceTilesFields on Area {\n    name\n    coverage(asOf: $asOf) {\n      ...CoverageTilesFields\n    }\n    weekAgo: coverage(asOf: $weekAgo) {\n      ...CoverageTilesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RootOverview($level: AreaLevel!, $asOf: Date, $weekAgo: Date!) {\n    today\n    areas(level: $level) {\n      ...AreaViewFields\n    }\n  }\n"): (typeof documents)["\n  query RootOverview($level: AreaLevel!, $asOf: Date, $weekAgo: Date!) {\n    today\n    areas(level: $level) {\n      ...AreaViewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AreaPage($id: ID!, $asOf: Date, $weekAgo: Date!) {\n    today\n    area(id: $id) {\n      ...AreaViewFields\n    }\n  }\n"): (typeof documents)["\n  query AreaPage($id: ID!, $asOf: Date, $weekAgo: Date!) {\n    today\n    area(id: $id) {\n      ...AreaViewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportHistory {\n    imports(first: 20) {\n      id\n      kind\n      fileName\n      username\n      osUser\n      finishedAt\n      rowsRead\n      rowsWritten\n      rowsRejected\n      warnings\n      outcome\n    }\n  }\n"): (typeof documents)["\n  query ImportHistory {\n    imports(first: 20) {\n      id\n      kind\n      fileName\n      username\n      osUser\n      finishedAt\n      rowsRead\n      rowsWritten\n      rowsRejected\n      warnings\n      outcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopePeople($scope: Scope!, $asOf: Date) {\n    offices: breakdown(by: OFFICE, scope: $scope, asOf: $asOf) {\n      key\n      label\n    }\n    officers: breakdown(by: STAFF, scope: $scope, asOf: $asOf) {\n      key\n      label\n      coverage {\n        target\n        registered\n        activated\n        activationRate\n        units\n        unitsContacted\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScopePeople($scope: Scope!, $asOf: Date) {\n    offices: breakdown(by: OFFICE, scope: $scope, asOf: $asOf) {\n      key\n      label\n    }\n    officers: breakdown(by: STAFF, scope: $scope, asOf: $asOf) {\n      key\n      label\n      coverage {\n        target\n        registered\n        activated\n        activationRate\n        units\n        unitsContacted\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GoalPanel($id: ID!, $asOf: Date, $rate: Float!) {\n    coverage(scope: { areaId: $id }, asOf: $asOf) {\n      activationRate\n      goal {\n        area {\n          name\n        }\n        rate\n        deadline\n        activationsNeeded\n        daysLeft\n        neededPerDay\n        met\n      }\n    }\n    pace(scope: { areaId: $id }, asOf: $asOf) {\n      perDayLast7\n      perDayLast28\n    }\n    forecast(scope: { areaId: $id }, asOf: $asOf, targetRate: $rate) {\n      date\n    }\n  }\n"): (typeof documents)["\n  query GoalPanel($id: ID!, $asOf: Date, $rate: Float!) {\n    coverage(scope: { areaId: $id }, asOf: $asOf) {\n      activationRate\n      goal {\n        area {\n          name\n        }\n        rate\n        deadline\n        activationsNeeded\n        daysLeft\n        neededPerDay\n        met\n      }\n    }\n    pace(scope: { areaId: $id }, asOf: $asOf) {\n      perDayLast7\n      perDayLast28\n    }\n    forecast(scope: { areaId: $id }, asOf: $asOf, targetRate: $rate) {\n      date\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeTrend($scope: Scope!, $from: Date!, $to: Date!) {\n    trend(scope: $scope, from: $from, to: $to) {\n      date\n      registered\n      approved\n      activated\n      formSigned\n      verified\n    }\n  }\n"): (typeof documents)["\n  query ScopeTrend($scope: Scope!, $from: Date!, $to: Date!) {\n    trend(scope: $scope, from: $from, to: $to) {\n      date\n      registered\n      approved\n      activated\n      formSigned\n      verified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignOfficer($unitIds: [ID!]!, $staffId: ID!, $from: Date!) {\n    assignOfficer(unitIds: $unitIds, staffId: $staffId, from: $from) {\n      written\n      unchanged\n    }\n  }\n"): (typeof documents)["\n  mutation AssignOfficer($unitIds: [ID!]!, $staffId: ID!, $from: Date!) {\n    assignOfficer(unitIds: $unitIds, staffId: $staffId, from: $from) {\n      written\n      unchanged\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog {\n    auditLog(first: 100) {\n      totalCount\n      entries {\n        at\n        actor\n        action\n        entityKey\n        before\n        after\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog {\n    auditLog(first: 100) {\n      totalCount\n      entries {\n        at\n        actor\n        action\n        entityKey\n        before\n        after\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMilestone($unitId: ID!, $milestone: Milestone!, $date: Date!, $note: String) {\n    recordMilestone(unitId: $unitId, milestone: $milestone, date: $date, note: $note) {\n      changed\n      milestone {\n        milestone\n        date\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordMilestone($unitId: ID!, $milestone: Milestone!, $date: Date!, $note: String) {\n    recordMilestone(unitId: $unitId, milestone: $milestone, date: $date, note: $note) {\n      changed\n      milestone {\n        milestone\n        date\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSteps($step: Step!, $date: Date!, $codes: [String!]!) {\n    recordSteps(step: $step, date: $date, socialInsuranceCodes: $codes) {\n      written\n      unchanged\n    }\n  }\n"): (typeof documents)["\n  mutation RecordSteps($step: Step!, $date: Date!, $codes: [String!]!) {\n    recordSteps(step: $step, date: $date, socialInsuranceCodes: $codes) {\n      written\n      unchanged\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordTraining(\n    $officeId: ID!\n    $heldOn: Date!\n    $title: String!\n    $location: String\n    $unitIds: [ID!]!\n  ) {\n    recordTraining(officeId: $officeId, heldOn: $heldOn, title: $title, location: $location, unitIds: $unitIds) {\n      session {\n        id\n      }\n      units {\n        written\n        unchanged\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordTraining(\n    $officeId: ID!\n    $heldOn: Date!\n    $title: String!\n    $location: String\n    $unitIds: [ID!]!\n  ) {\n    recordTraining(officeId: $officeId, heldOn: $heldOn, title: $title, location: $location, unitIds: $unitIds) {\n      session {\n        id\n      }\n      units {\n        written\n        unchanged\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedReports {\n    publishedReports(first: 100) {\n      id\n      number\n      areaName\n      asOf\n      compare\n      issuedOn\n      author\n      createdAt\n      files {\n        format\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublishedReports {\n    publishedReports(first: 100) {\n      id\n      number\n      areaName\n      asOf\n      compare\n      issuedOn\n      author\n      createdAt\n      files {\n        format\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportChanges($id: ID!) {\n    reportChanges(id: $id) {\n      text\n    }\n  }\n"): (typeof documents)["\n  query ReportChanges($id: ID!) {\n    reportChanges(id: $id) {\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportAreas {\n    today\n    provinces: areas(level: PROVINCE) {\n      id\n      name\n    }\n    districts: areas(level: DISTRICT) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ReportAreas {\n    today\n    provinces: areas(level: PROVINCE) {\n      id\n      name\n    }\n    districts: areas(level: DISTRICT) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportPreview($areaId: ID, $asOf: Date!, $compare: Date) {\n    report(areaId: $areaId, asOf: $asOf, compare: $compare) {\n      title\n      areaCode\n      areaName\n      asOf\n      compare\n      narrative\n      summary {\n        ...ReportTableFields\n      }\n      tables {\n        key\n        ...ReportTableFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportPreview($areaId: ID, $asOf: Date!, $compare: Date) {\n    report(areaId: $areaId, asOf: $asOf, compare: $compare) {\n      title\n      areaCode\n      areaName\n      asOf\n      compare\n      narrative\n      summary {\n        ...ReportTableFields\n      }\n      tables {\n        key\n        ...ReportTableFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishReport($areaId: ID, $asOf: Date!, $compare: Date) {\n    publishReport(areaId: $areaId, asOf: $asOf, compare: $compare) {\n      id\n      number\n    }\n  }\n"): (typeof documents)["\n  mutation PublishReport($areaId: ID, $asOf: Date!, $compare: Date) {\n    publishReport(areaId: $areaId, asOf: $asOf, compare: $compare) {\n      id\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportTableFields on ReportTable {\n    key\n    title\n    note\n    columns {\n      key\n      header\n      kind\n    }\n    rows {\n      key\n      total\n      cells {\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ReportTableFields on ReportTable {\n    key\n    title\n    note\n    columns {\n      key\n      header\n      kind\n    }\n    rows {\n      key\n      total\n      cells {\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaggingUnits($id: ID!, $asOf: Date) {\n    area(id: $id) {\n      id\n      units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            officer(asOf: $asOf) {\n              id\n              fullName\n            }\n            coverage(asOf: $asOf) {\n              target\n              activated\n              activationRate\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LaggingUnits($id: ID!, $asOf: Date) {\n    area(id: $id) {\n      id\n      units(orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            officer(asOf: $asOf) {\n              id\n              fullName\n            }\n            coverage(asOf: $asOf) {\n              target\n              activated\n              activationRate\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfficerTodo($scope: Scope!, $asOf: Date) {\n    notContacted: units(scope: $scope, filter: { notContacted: true }, orderBy: NAME, asOf: $asOf, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    notGuided: units(\n      scope: $scope\n      filter: { reached: LEADERSHIP_CONTACTED, notReached: REPRESENTATIVE_GUIDED }\n      orderBy: NAME\n      asOf: $asOf\n      first: 100\n    ) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OfficerTodo($scope: Scope!, $asOf: Date) {\n    notContacted: units(scope: $scope, filter: { notContacted: true }, orderBy: NAME, asOf: $asOf, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    notGuided: units(\n      scope: $scope\n      filter: { reached: LEADERSHIP_CONTACTED, notReached: REPRESENTATIVE_GUIDED }\n      orderBy: NAME\n      asOf: $asOf\n      first: 100\n    ) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitPersons($id: ID!, $asOf: Date, $after: String) {\n    unit(id: $id) {\n      id\n      persons(asOf: $asOf, first: 50, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            fullName\n            socialInsuranceCode\n            step\n            blocker {\n              reason\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitPersons($id: ID!, $asOf: Date, $after: String) {\n    unit(id: $id) {\n      id\n      persons(asOf: $asOf, first: 50, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            fullName\n            socialInsuranceCode\n            step\n            blocker {\n              reason\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UnitHistoryFields on Unit {\n    assignments {\n      staff {\n        id\n        fullName\n      }\n      from\n      until\n    }\n  }\n"): (typeof documents)["\n  fragment UnitHistoryFields on Unit {\n    assignments {\n      staff {\n        id\n        fullName\n      }\n      from\n      until\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UnitIdentityFields on Unit {\n    id\n    sector\n    taxCode\n    address\n    office {\n      id\n      name\n    }\n    officer(asOf: $asOf) {\n      id\n      fullName\n    }\n  }\n"): (typeof documents)["\n  fragment UnitIdentityFields on Unit {\n    id\n    sector\n    taxCode\n    address\n    office {\n      id\n      name\n    }\n    officer(asOf: $asOf) {\n      id\n      fullName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UnitTimelineFields on Unit {\n    milestones {\n      milestone\n      date\n      staff {\n        fullName\n      }\n      note\n    }\n  }\n"): (typeof documents)["\n  fragment UnitTimelineFields on Unit {\n    milestones {\n      milestone\n      date\n      staff {\n        fullName\n      }\n      note\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitsTable($scope: Scope!, $filter: UnitFilter, $orderBy: UnitOrder, $asOf: Date, $after: String) {\n    units(scope: $scope, filter: $filter, orderBy: $orderBy, asOf: $asOf, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          sector\n          officer(asOf: $asOf) {\n            id\n            fullName\n          }\n          coverage(asOf: $asOf) {\n            target\n            activated\n            activationRate\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitsTable($scope: Scope!, $filter: UnitFilter, $orderBy: UnitOrder, $asOf: Date, $after: String) {\n    units(scope: $scope, filter: $filter, orderBy: $orderBy, asOf: $asOf, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          sector\n          officer(asOf: $asOf) {\n            id\n            fullName\n          }\n          coverage(asOf: $asOf) {\n            target\n            activated\n            activationRate\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountsPage {\n    accounts {\n      username\n      ...AccountRowFields\n    }\n    areas(level: DISTRICT) {\n      ...DistrictChoiceFields\n    }\n  }\n"): (typeof documents)["\n  query AccountsPage {\n    accounts {\n      username\n      ...AccountRowFields\n    }\n    areas(level: DISTRICT) {\n      ...DistrictChoiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfficerPage($id: ID!, $asOf: Date) {\n    today\n    staff(id: $id) {\n      id\n      fullName\n      office {\n        id\n        name\n        area {\n          id\n          name\n          parent {\n            id\n            name\n          }\n        }\n      }\n      coverage(asOf: $asOf) {\n        ...CoverageTilesFields\n      }\n    }\n    units(scope: { staffId: $id }, orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          sector\n          coverage(asOf: $asOf) {\n            target\n            activated\n            activationRate\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OfficerPage($id: ID!, $asOf: Date) {\n    today\n    staff(id: $id) {\n      id\n      fullName\n      office {\n        id\n        name\n        area {\n          id\n          name\n          parent {\n            id\n            name\n          }\n        }\n      }\n      coverage(asOf: $asOf) {\n        ...CoverageTilesFields\n      }\n    }\n    units(scope: { staffId: $id }, orderBy: ACTIVATION_RATE_ASC, asOf: $asOf, first: 200) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          sector\n          coverage(asOf: $asOf) {\n            target\n            activated\n            activationRate\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitPage($id: ID!, $asOf: Date) {\n    today\n    unit(id: $id) {\n      id\n      name\n      district {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      commune {\n        id\n        name\n      }\n      coverage(asOf: $asOf) {\n        ...CoverageTilesFields\n      }\n      ...UnitIdentityFields\n      ...UnitTimelineFields\n      ...UnitHistoryFields\n    }\n  }\n"): (typeof documents)["\n  query UnitPage($id: ID!, $asOf: Date) {\n    today\n    unit(id: $id) {\n      id\n      name\n      district {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      commune {\n        id\n        name\n      }\n      coverage(asOf: $asOf) {\n        ...CoverageTilesFields\n      }\n      ...UnitIdentityFields\n      ...UnitTimelineFields\n      ...UnitHistoryFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;