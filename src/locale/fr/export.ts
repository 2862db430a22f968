import type { enExport } from '../en/export.js'

// Les exports de listes (CSV) et le journal d'audit des administrateurs, fusionnés dans ../index.ts.
export const frExport: typeof enExport = {
  labels: { AdminAuditEntry: 'Journal d’audit' },
  actions: { export: 'Exporter', exportHistory: 'Exporter l’historique' },
  messages: {
    exportUnknownColumn: 'Export refusé : une colonne demandée ne fait pas partie de celles de cette liste.',
    exportUnknownFilter: 'Export refusé : un filtre demandé n’existe pas sur cette liste.',
    exportBadFilter: 'Export refusé : un filtre a une valeur que cette liste ne peut pas prendre.',
    exportBadSort: 'Export refusé : la liste ne peut pas être triée ainsi.',
    exportBadLanguage: 'Export refusé : la langue doit être le français ou l’anglais.',
  },
  components: {
    ExportForm: {
      intro:
        'Exporte toutes les lignes de la liste telle qu’elle est filtrée et triée, en fichier CSV pour Excel. L’export est inscrit au journal d’audit.',
      columns: 'Colonnes',
      filters: 'Filtres appliqués : {{filters}}',
      noFilter: 'Aucun filtre : toutes les lignes de la liste.',
      download: 'Télécharger le CSV',
      downloading: 'Préparation du fichier…',
      done: 'Le fichier est téléchargé.',
      noColumn: 'Choisissez au moins une colonne.',
    },
    ExportButton: { label: 'Exporter (CSV)', failed: 'L’export a échoué.' },
  },
  resources: {
    AdminAuditEntry: {
      properties: {
        id: 'ID',
        action: 'Action',
        actor: 'Par',
        ip: 'Adresse IP',
        resourceId: 'Liste',
        rowCount: 'Lignes',
        details: 'Détails',
        createdAt: 'Date',
      },
      labels: {
        action: {
          exported: 'Export',
          retention_run: 'Passe de conservation',
          email_template_saved: 'Modèle d’e-mail modifié',
          email_template_reset: 'Modèle d’e-mail rétabli',
          email_template_tested: 'Test d’un modèle d’e-mail envoyé',
          file_downloaded: 'Fichier d’un client téléchargé',
        },
      },
    },
  },
}
