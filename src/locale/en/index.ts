import { enImportMessages, enImportPage } from './import.js'
import { enActions, enForms } from './lifecycle.js'
import { enResources } from './resources.js'
import { enScreens, withScreens } from './screens.js'

// English strings of the plugin, merged over AdminJS's own English in ../index.ts.
const enOwn = {
  labels: {
    clientManagement: 'Client management',
    Client: 'Clients',
    Advisor: 'Advisors',
    Contract: 'Contracts',
    Commission: 'Commissions',
    ClientEvent: 'Action history',
    EmailLog: 'Emails sent',
    ClientNote: 'Notes',
    ImportBatch: 'Commission imports',
  },
  messages: {
    fieldRequired: 'This field is required.',
    invalidEmail: 'Enter one email address, such as name@example.com (no name before it, no list).',
    invalidValue: 'This field takes one plain value.',
    invalidCharacters: 'This value contains control characters, which are not allowed.',
    crossOriginRefused: 'Refused: this request did not come from the panel’s own pages.',
    unsupportedBody: 'Refused: the request body is not a form, JSON or a file upload.',
    lengthRequired: 'Refused: the request body has no declared length.',
    bodyTooLarge: 'Refused: the request body is too large.',
    routeNotFound: 'This page or action does not exist.',
    badRequest: 'The request could not be read.',
    serverError: 'Something went wrong on the server. Try again; if it goes on, tell your administrator.',
    databaseUnavailable:
      'The database is not answering right now: nothing was done. Try again in a few seconds.',
    invalidRecordIds: 'The selection is not a list of record numbers.',
    invalidNumber: 'Enter a number, e.g. 1234.56.',
    invalidDate: 'Enter a date as YYYY-MM-DD.',
    tooLong: 'This value is too long.',
    alreadyTaken: 'Another record already uses this value.',
    passwordTooShort: 'Use at least 10 characters.',
    passwordTooLong: 'This password is too long.',
    passwordTooWeak: 'This password is too easy to guess: make it longer, avoid names and common words.',
    passwordsDiffer: 'The two passwords differ.',
    invalidAmount: 'Enter an amount such as 12.50, -12.50 or 1 234,56.',
    amountZero: 'The amount must not be zero.',
    balanceOutOfRange: 'The balance would go beyond what can be stored.',
    unknownRecord: 'This record does not exist.',
    // Why an action does not apply to a client.
    notFound: 'this client does not exist',
    notPending: 'the account is already confirmed',
    notActive: 'the account is not active',
    notSuspendedOrBanned: 'the account is neither suspended nor banned',
    alreadyBanned: 'the account is already banned',
    isDeleted: 'the account is deleted',
    notDeleted: 'the account is not deleted',
    noTwoFactor: 'two-factor authentication is not enabled',
    noEmail: 'the client has no email address',
    isBanned: 'the account is banned',
    isAnonymised: 'the client is anonymised: it can only be deleted, then removed for good',
    mergeTwoClients: 'Select exactly two clients to merge, both not deleted.',
    clientsMerged:
      'Clients merged: {{contracts}} contracts, {{commissions}} commissions, {{emails}} emails, {{notes}} notes and {{history}} history entries moved.',
    possibleDuplicate: 'Likely duplicate.',
    possibleDuplicateNotice:
      'This client looks like one already there: check the list, then save anyway if it is someone else.',
    clientRemovedForGood:
      'Client erased and removed for good. Its contracts, commissions and history stay, unlinked and without its personal data.',
    // The clients' count has its own plural (i18next nesting).
    contractsChanged_one:
      '{{count}} contract changed ($t(messages.clientsConcerned, {"count": {{clients}} })).',
    contractsChanged_other:
      '{{count}} contracts changed ($t(messages.clientsConcerned, {"count": {{clients}} })).',
    clientsConcerned_one: '{{count}} client concerned',
    clientsConcerned_other: '{{count}} clients concerned',
    commissionsMarkedPaid_one:
      '{{count}} commission marked paid ($t(messages.alreadyPaid, {"count": {{skipped}} })).',
    commissionsMarkedPaid_other:
      '{{count}} commissions marked paid ($t(messages.alreadyPaid, {"count": {{skipped}} })).',
    unknownAdvisorCode: 'No advisor has this code.',
    concurrentChange: 'Someone changed this client at the same moment: nothing was done. Please try again.',
    actionDoneEmailFailed:
      'Done, but the email could not be queued ({{error}}). It is listed as failed in the emails.',
    emailsQueued_one: '{{count}} e-mail queued.',
    emailsQueued_other: '{{count}} e-mails queued.',
    emailsFailed_one: '{{count}} email could not be queued ({{error}}).',
    emailsFailed_other: '{{count}} emails could not be queued ({{error}}).',
    bulkChanged_one: '{{count}} client changed.{{emailsQueued}}{{emailsFailed}}',
    bulkChanged_other: '{{count}} clients changed.{{emailsQueued}}{{emailsFailed}}',
    bulkChangedSomeSkipped_one:
      '{{count}} client changed, $t(messages.leftAsTheyWere, {"count": {{skipped}} }): {{details}}.{{emailsQueued}}{{emailsFailed}}',
    bulkChangedSomeSkipped_other:
      '{{count}} clients changed, $t(messages.leftAsTheyWere, {"count": {{skipped}} }): {{details}}.{{emailsQueued}}{{emailsFailed}}',
    alreadyPaid_one: '{{count}} already paid or cancelled',
    alreadyPaid_other: '{{count}} already paid or cancelled',
    leftAsTheyWere_one: '{{count}} left as it was',
    leftAsTheyWere_other: '{{count}} left as they were',
    // One skipped client in a notice: French puts a space before the colon.
    skippedDetail: '{{client}}: {{reason}}',
    bulkNothingChanged: 'No client changed: {{details}}.',
    confirmationSent: 'Confirmation email queued: it goes out in a moment.',
    accountConfirmed: 'Account confirmed.',
    passwordResetSent: 'Password reset email queued: it goes out in a moment.',
    emailSent: 'Email queued: it goes out in a moment.',
    emailRequeued: 'Email queued again: it goes out in a moment.',
    emailNotFailed: 'Only a failed email can be sent again.',
    emailNothingToResend: 'This email cannot be sent again: its content is no longer kept.',
    clientSuspended: 'Client suspended.{{emailsQueued}}',
    clientReactivated: 'Client reactivated.{{emailsQueued}}',
    clientBanned: 'Client banned.{{emailsQueued}}',
    twoFactorRemoved: 'Two-factor authentication removed.',
    clientDeleted: 'Client deleted. You can restore it from the list filtered on status “Deleted”.',
    clientRestored: 'Client restored.',
    passwordChanged: 'Password changed.',
    balanceChanged: 'Balance changed.',
    noteAdded: 'Note added.',
    ...enImportMessages,
    forms: enForms,
  },
  actions: enActions,
  components: {
    ClientList: {
      searchPlaceholder: 'Name, email, client number, phone, @domain or contract reference',
      noMatch: 'No client matches « {{query}} »',
      clearSearch: 'Clear the search',
      search: 'Search',
    },
    CommissionList: {
      loading: 'Counting…',
      totals_one: '{{count}} commission, {{total}} in all, for these filters.',
      totals_other: '{{count}} commissions, {{total}} in all, for these filters.',
    },
    AdvisorShow: {
      loading: 'Loading…',
      title: 'Portfolio',
      clients_one: '{{count}} client (referent)',
      clients_other: '{{count}} clients (referent)',
      contracts: 'Contracts: {{list}}',
      contractsByStatus: {
        active_one: '{{count}} active',
        active_other: '{{count}} active',
        suspended_one: '{{count}} suspended',
        suspended_other: '{{count}} suspended',
        terminated_one: '{{count}} terminated',
        terminated_other: '{{count}} terminated',
      },
      month: 'Month',
      count: 'Commissions',
      total: 'Total',
      noCommissions: 'No commission yet.',
    },
    DuplicateCheck: {
      title: 'Likely the same person as:',
      saveAnyway: 'It is someone else: save anyway',
      reasons: {
        sameEmail: 'same email',
        samePhone: 'same phone',
        sameNameAndPostalCode: 'same name and postal code',
        closeName: 'close name',
      },
    },
    ClientMerge: {
      title: 'Merge two clients',
      intro:
        'The client not kept is deleted (it can be found with the status filter) and points to the kept one. Choose, field by field, the value that survives.',
      field: 'Field',
      kept: 'Keep {{number}}',
      merged: 'Merge {{number}} into it',
      moves:
        'Contracts, commissions, emails, notes and history move to the kept client; balances are added up.',
      submit: 'Merge',
    },
    CommissionImport: enImportPage,
    ClientStatusBadge: {
      reason: 'Reason: {{reason}}',
      anonymised: 'Anonymised',
    },
  },
  resources: enResources,
}

/** The shape every language must have: the same keys as English. */
export type PluginTranslation = typeof enOwn

export const en = withScreens(enOwn, enScreens)
