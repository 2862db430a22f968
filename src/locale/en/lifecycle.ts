// The client actions: their names in menus and drawers, and their forms.

export const enActions = {
  accountMenu: 'Account',
  statusMenu: 'Status',
  contactMenu: 'Contact',
  resendConfirmation: 'Resend confirmation',
  forceConfirm: 'Confirm account',
  bulkForceConfirm: 'Confirm accounts',
  sendPasswordReset: 'Send password reset',
  sendEmail: 'Send an email',
  bulkSendEmail: 'Send an email',
  suspend: 'Suspend',
  bulkSuspend: 'Suspend',
  reactivate: 'Reactivate',
  bulkReactivate: 'Reactivate',
  ban: 'Ban',
  bulkBan: 'Ban',
  removeTwoFactor: 'Remove 2FA',
  bulkRemoveTwoFactor: 'Remove 2FA',
  delete: 'Delete',
  bulkDelete: 'Delete',
  restore: 'Restore',
  changePassword: 'Change password',
  adjustBalance: 'Adjust balance',
  addNote: 'Add a note',
  importCommissions: 'Import a CSV',
  undoImport: 'Undo the import',
  mergeClients: 'Merge',
  removeForGood: 'Remove for good',
  bulkChangeAdvisor: 'Change advisor',
  bulkChangeStatus: 'Change status',
  bulkMarkPaid: 'Mark paid',
  resendEmail: 'Send again',
}

export const enForms = {
  resendConfirmation: {
    intro: 'Send a new confirmation link to this client? Earlier links stop working.',
    bulkIntro: 'Send a new confirmation link to the {{count}} selected clients?',
    submit: 'Send the link',
  },
  forceConfirm: {
    intro: 'Confirm this account without the client clicking the link?',
    bulkIntro: 'Confirm the {{count}} selected accounts without the clients clicking the link?',
    submit: 'Confirm the account',
  },
  sendPasswordReset: {
    intro:
      'Send this client a link to choose a new password? Their current password keeps working until then.',
    bulkIntro: 'Send the {{count}} selected clients a link to choose a new password?',
    submit: 'Send the link',
  },
  sendEmail: {
    intro: 'Write to this client. Your text is sent as plain text, with a greeting and our signature.',
    bulkIntro: 'Write to the {{count}} selected clients. Each receives their own email.',
    subject: 'Subject',
    body: 'Message',
    submit: 'Send',
  },
  suspend: {
    intro: 'The client will not be able to log in until reactivated.',
    bulkIntro: 'The {{count}} selected clients will not be able to log in until reactivated.',
    reason: 'Reason',
    contracts: 'Also suspend their active contracts',
    contractsHelp: 'Only the ticked contracts change; reactivation restores exactly those.',
    notify: 'Notify the client by email',
    submit: 'Suspend',
  },
  reactivate: {
    intro: 'The client will be active again.',
    bulkIntro:
      'The {{count}} selected clients will be active again. Contracts a ban terminated stay terminated.',
    contracts: 'Also reactivate the contracts this suspension suspended',
    // A banned client: the ban is lifted, but the contracts it terminated are not brought back.
    afterBan: {
      intro:
        'The ban is lifted and the client will be active again. The contracts the ban terminated stay terminated: a termination is final.',
      contracts: 'Also reactivate the contracts still suspended by an earlier suspension',
    },
    reason: 'Note (optional)',
    notify: 'Tell the client by email',
    submit: 'Reactivate',
  },
  ban: {
    intro:
      'A banned client can no longer log in. The ticked contracts are terminated for good: a later reactivation does not bring them back.',
    bulkIntro: 'The {{count}} selected clients will no longer be able to log in.',
    reason: 'Reason',
    contracts: 'Also terminate their contracts',
    contractsHelp:
      'Only the ticked contracts are terminated, for good: reactivating the client does not restore them.',
    notify: 'Notify the client by email',
    submit: 'Ban',
  },
  removeTwoFactor: {
    intro:
      'Remove two-factor authentication from this account? The client will log in with their password only.',
    bulkIntro: 'Remove two-factor authentication from the {{count}} selected accounts?',
    submit: 'Remove two-factor authentication',
  },
  delete: {
    intro:
      'The client is hidden from the list and can no longer log in. Nothing is erased: you can restore it.',
    bulkIntro:
      'The {{count}} selected clients are hidden from the list and can no longer log in. You can restore them.',
    reason: 'Reason (optional)',
    submit: 'Delete',
  },
  restore: {
    intro: 'Give this client back the status it had before being deleted?',
    bulkIntro: 'Restore the {{count}} selected clients?',
    submit: 'Restore',
  },
  changePassword: {
    intro: 'Set a new password for this client. Password reset links already sent stop working.',
    bulkIntro: 'Set a new password for the {{count}} selected clients.',
    password: 'New password',
    passwordConfirmation: 'New password again',
    submit: 'Change the password',
  },
  adjustBalance: {
    intro: 'Add a positive amount to credit the client, a negative one to debit them.',
    bulkIntro: 'Adjust the balance of the {{count}} selected clients.',
    amount: 'Amount',
    reason: 'Reason',
    submit: 'Adjust the balance',
  },
  addNote: {
    intro: 'Notes are for the team only: the client never sees them.',
    bulkIntro: 'Add a note to the {{count}} selected clients.',
    body: 'Note',
    submit: 'Add the note',
  },
  undoImport: {
    intro:
      'Remove the commissions of this import, and the clients and contracts it created that nothing else uses? The history stays.',
    bulkIntro: 'Undo the {{count}} selected imports?',
    submit: 'Undo the import',
  },
  resendEmail: {
    intro: 'Send this email again? It gets fresh attempts and keeps its Message-ID.',
    bulkIntro: 'Send the {{count}} selected emails again?',
    submit: 'Send again',
  },
  removeForGood: {
    intro:
      'Remove this client for good? Its contracts, commissions, emails and history stay, unlinked from it. This cannot be undone.',
    bulkIntro: 'Remove the {{count}} selected clients for good?',
    submit: 'Remove for good',
  },
  changeAdvisor: {
    intro: 'Give the selected contract another advisor.',
    bulkIntro: 'Give the {{count}} selected contracts another advisor.',
    advisorCode: 'Advisor code',
    submit: 'Change the advisor',
  },
  changeContractStatus: {
    intro: 'Give the selected contract another status.',
    bulkIntro: 'Give the {{count}} selected contracts another status.',
    status: 'Status',
    submit: 'Change the status',
  },
  markPaid: {
    intro: 'Mark this commission paid?',
    bulkIntro:
      'Mark the {{count}} selected commissions paid? Those already paid or cancelled stay as they are.',
    submit: 'Mark paid',
  },
}
