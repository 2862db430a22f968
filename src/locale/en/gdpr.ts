// English strings of the GDPR actions (archive, anonymisation, retention), merged in ../index.ts.
export const enGdpr = {
  actions: { gdprArchive: 'Personal data (GDPR)', anonymise: 'Anonymise', retention: 'Retention (GDPR)' },
  messages: {
    alreadyAnonymised: 'the client is already anonymised',
    hasOpenBusiness:
      'the client still has active contracts or unpaid commissions: tick “anonymise anyway” and give a reason',
    confirmationMismatch: 'This is not the client’s number.',
    clientAnonymised:
      'Client anonymised. Its contracts and commissions stay, linked to the anonymised client.',
    retentionOff: 'Retention is off: set a number of months first.',
    retentionSaved: 'Retention setting saved.',
    retentionDone_one: '{{count}} client anonymised, in {{batches}} batches.',
    retentionDone_other: '{{count}} clients anonymised, in {{batches}} batches.',
    gdprArchiveReadme: [
      'Personal data of client {{clientNumber}}, exported on {{date}} (UTC).',
      '',
      'Each file is a JSON document:',
      '- profile.json: identity, contact details, address, language, status, account dates, last login and its IP address.',
      '- contracts.json: the contracts, with their product, status, dates and premium.',
      '- commissions.json: the commissions on those contracts (period, amount, rate, status).',
      '- emails.json: the emails sent to the client (subject, body, status); links they held are masked.',
      '- history.json: every action on the account, with who did it, when, from which IP address and why.',
      '- notes.json: the notes the team wrote about the client.',
      '- tags.json: the tags the team put on the client, and since when.',
      '- consents.json: when the email address was confirmed and two-factor authentication turned on, and the language chosen.',
      '- logins.json: the last login and every login attempt recorded (time, IP address, success).',
      '- tokens.json: the confirmation and password-reset links issued (purpose, dates; never the link itself).',
      '',
      'Passwords, two-factor secrets, recovery codes and links are stored only as one-way hashes, and are not in this archive.',
    ].join('\n'),
    forms: {
      anonymise: {
        intro:
          'Anonymise this client? Its name becomes “Anonymised client”; its email, phone, address, Stripe id and last IP are erased; its password, two-factor authentication, links and the text of its notes and emails go. Its contracts and commissions stay, for the accounts. This is irreversible: nothing can bring the data back.',
        confirmation: 'Type the client’s number to confirm',
        force: 'Anonymise anyway, despite active contracts or unpaid commissions',
        reason: 'Reason (required to anonymise anyway)',
        submit: 'Anonymise for good',
      },
    },
  },
  components: {
    GdprArchive: {
      intro:
        'Download everything kept about this client as a ZIP file: a JSON document per kind (profile, contracts, commissions, emails, history, notes, consents, logins) and a README. No password or secret is in it. The download is recorded in the client’s history.',
      download: 'Download the archive',
      downloading: 'Preparing the archive…',
      done: 'The archive is downloaded.',
    },
    RetentionPanel: {
      title: 'Retention of personal data',
      intro:
        'Clients inactive for this many months are anonymised: no login, no active contract, no commission (nor any unpaid) in that time. Off when empty. Hosts can run it from cron: npm run retention.',
      months: 'Anonymise clients inactive for (months)',
      save: 'Save',
      off: 'Retention is off.',
      dryRun_one: '{{count}} client would be anonymised now:',
      dryRun_other: '{{count}} clients would be anonymised now:',
      none: 'No client would be anonymised now.',
      more: '…and {{count}} more.',
      run: 'Anonymise them now',
      confirm: 'Anonymise these clients for good? This cannot be undone.',
      clientNumber: 'Client',
      name: 'Name',
      lastLogin: 'Last login',
      createdAt: 'Created',
      never: 'never',
    },
  },
  resources: {
    Client: { properties: { anonymisedAt: 'Anonymised on' } },
    ClientEvent: { labels: { type: { data_exported: 'Personal data exported', anonymised: 'Anonymised' } } },
  },
}
