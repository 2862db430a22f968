// English strings of list exports (CSV) and the admin audit trail, merged in ../index.ts.
export const enExport = {
  labels: { AdminAuditEntry: 'Admin audit trail' },
  actions: { export: 'Export', exportHistory: 'Export the history' },
  messages: {
    exportUnknownColumn: 'Export refused: a column asked for is not one this list can export.',
    exportUnknownFilter: 'Export refused: a filter asked for does not exist on this list.',
    exportBadFilter: 'Export refused: a filter has a value this list cannot take.',
    exportBadSort: 'Export refused: the list cannot be sorted this way.',
    exportBadLanguage: 'Export refused: the language must be French or English.',
  },
  components: {
    ExportForm: {
      intro:
        'Exports every row of the list as it is filtered and sorted now, as a CSV file for Excel. The export is recorded in the admin audit trail.',
      columns: 'Columns',
      filters: 'Filters in force: {{filters}}',
      noFilter: 'No filter: every row of the list.',
      download: 'Download the CSV',
      downloading: 'Preparing the file…',
      done: 'The file is downloaded.',
      noColumn: 'Choose at least one column.',
    },
    ExportButton: { label: 'Export (CSV)', failed: 'The export failed.' },
  },
  resources: {
    AdminAuditEntry: {
      properties: {
        id: 'ID',
        action: 'Action',
        actor: 'By',
        ip: 'IP address',
        resourceId: 'List',
        rowCount: 'Rows',
        details: 'Details',
        createdAt: 'Date',
      },
      labels: {
        action: {
          exported: 'Export',
          retention_run: 'Retention run',
          email_template_saved: 'Email template edited',
          email_template_reset: 'Email template back to default',
          email_template_tested: 'Email template test sent',
          file_downloaded: 'Client file downloaded',
        },
      },
    },
  },
}
