import type { LocaleTranslations } from 'adminjs'

// The demo host's own strings (its invoices and tickets), merged over the plugin's with mergeLocale.
const en: LocaleTranslations = {
  labels: { demoHost: 'Billing and support', Invoice: 'Invoices', Ticket: 'Support tickets' },
  resources: {
    Invoice: {
      properties: {
        id: 'ID',
        number: 'Number',
        clientId: 'Client',
        issuedOn: 'Issued on',
        total: 'Total',
        status: 'Status',
        createdAt: 'Created',
      },
      labels: { status: { draft: 'Draft', sent: 'Sent', paid: 'Paid', overdue: 'Overdue' } },
    },
    Ticket: {
      properties: {
        id: 'ID',
        subject: 'Subject',
        clientId: 'Client',
        status: 'Status',
        priority: 'Priority',
        createdAt: 'Opened on',
      },
      labels: {
        status: { open: 'Open', waiting: 'Waiting for the client', closed: 'Closed' },
        priority: { low: 'Low', normal: 'Normal', high: 'High' },
      },
    },
  },
}

const fr: LocaleTranslations = {
  labels: { demoHost: 'Facturation et support', Invoice: 'Factures', Ticket: 'Tickets de support' },
  resources: {
    Invoice: {
      properties: {
        id: 'ID',
        number: 'Numéro',
        clientId: 'Client',
        issuedOn: 'Émise le',
        total: 'Total',
        status: 'Statut',
        createdAt: 'Créée le',
      },
      labels: { status: { draft: 'Brouillon', sent: 'Envoyée', paid: 'Payée', overdue: 'En retard' } },
    },
    Ticket: {
      properties: {
        id: 'ID',
        subject: 'Objet',
        clientId: 'Client',
        status: 'Statut',
        priority: 'Priorité',
        createdAt: 'Ouvert le',
      },
      labels: {
        status: { open: 'Ouvert', waiting: 'En attente du client', closed: 'Fermé' },
        priority: { low: 'Basse', normal: 'Normale', high: 'Haute' },
      },
    },
  },
}

export const demoTranslations = { en, fr }
