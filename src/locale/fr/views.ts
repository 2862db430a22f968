import type { enViews } from '../en/views.js'

// Les vues enregistrées (issue 28), fusionnées dans ../index.ts.
export const frViews: typeof enViews = {
  actions: {
    savedViews: 'Vues enregistrées',
    saveView: 'Enregistrer comme vue',
    renameView: 'Renommer la vue',
    shareView: 'Partager la vue',
    deleteView: 'Supprimer la vue',
    defaultView: 'Ouvrir la liste sur cette vue',
  },
  messages: {
    viewSaved: 'Vue enregistrée.',
    viewRenamed: 'Vue renommée.',
    viewShared: 'La vue est partagée avec tout le monde.',
    viewUnshared: 'La vue est de nouveau privée : seul son auteur la voit.',
    viewDeleted: 'Vue supprimée.',
    viewDefaultSet: 'La liste s’ouvrira sur cette vue.',
    viewDefaultCleared: 'La liste s’ouvrira sur tous les clients.',
    viewNotFound: 'Cette vue n’existe pas, ou elle est privée.',
    viewNotYours: 'Seul son auteur ou un administrateur peut modifier cette vue.',
  },
  resources: {
    AdminAuditEntry: {
      labels: {
        action: {
          view_saved: 'Vue enregistrée',
          view_changed: 'Vue modifiée',
          view_deleted: 'Vue supprimée',
        },
      },
    },
  },
  components: {
    SavedViews: {
      title: 'Vues',
      all: 'Tous les clients',
      loading: 'Chargement des vues…',
      empty: 'Aucune vue enregistrée : filtrez la liste, puis enregistrez-la comme vue.',
      count_one: '{{count}} client',
      count_other: '{{count}} clients',
      shared: 'Partagée',
      private: 'Privée',
      isDefault: 'Par défaut',
      save: 'Enregistrer comme vue',
      name: 'Nom de la vue',
      shareWithEveryone: 'Partagée avec tout le monde',
      columns: 'Colonnes affichées',
      pickColumns: 'Colonnes',
      submit: 'Enregistrer',
      cancel: 'Annuler',
      manage: 'Actions sur la vue {{name}}',
      rename: 'Renommer',
      renameSubmit: 'Renommer',
      share: 'Partager avec tout le monde',
      unshare: 'Rendre privée',
      remove: 'Supprimer',
      confirmRemove: 'Supprimer la vue « {{name}} » ?',
      makeDefault: 'Ouvrir la liste sur elle',
      clearDefault: 'Ouvrir la liste sur tous les clients',
      notFound: 'Cette vue n’existe pas, ou elle est privée.',
      failed: 'Les vues n’ont pas pu être lues. Réessayez.',
    },
  },
}
