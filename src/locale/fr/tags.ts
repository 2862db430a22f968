import type { enTags } from '../en/tags.js'

// Les étiquettes (issue 28), fusionnées dans ../index.ts.
export const frTags: typeof enTags = {
  labels: { Tag: 'Étiquettes' },
  actions: {
    addTags: 'Ajouter des étiquettes',
    removeTags: 'Retirer des étiquettes',
    bulkAddTags: 'Ajouter des étiquettes',
    bulkRemoveTags: 'Retirer des étiquettes',
  },
  messages: {
    tagsAdded: 'Étiquettes ajoutées.',
    tagsRemoved: 'Étiquettes retirées.',
    tagNameRequired: 'Donnez un nom à l’étiquette.',
    tagNameTooLong: 'Le nom d’une étiquette compte 40 caractères au plus.',
    tagNameInvalid: 'Le nom d’une étiquette ne peut contenir ni virgule ni caractère de contrôle.',
    tagNameTaken: 'Une étiquette de ce nom existe déjà (majuscules ou non).',
    tagColourInvalid: 'Choisissez une couleur de la liste.',
    tooManyTags: 'Vingt étiquettes au plus à la fois.',
    unknownTag: 'Aucune étiquette ne porte ce nom.',
    tagsRequired: 'Nommez au moins une étiquette.',
    forms: {
      addTags: {
        intro:
          'Étiquettes à poser sur ce client, séparées par des virgules. Un nom encore inconnu crée l’étiquette.',
        bulkIntro:
          'Étiquettes à poser sur les {{count}} clients sélectionnés, séparées par des virgules. Un nom encore inconnu crée l’étiquette.',
        tags: 'Étiquettes',
        submit: 'Ajouter les étiquettes',
      },
      removeTags: {
        intro: 'Étiquettes à retirer de ce client, séparées par des virgules.',
        bulkIntro: 'Étiquettes à retirer des {{count}} clients sélectionnés, séparées par des virgules.',
        tags: 'Étiquettes',
        submit: 'Retirer les étiquettes',
      },
    },
  },
  resources: {
    Tag: {
      properties: {
        id: 'ID',
        name: 'Nom',
        nameKey: 'Clé du nom (en minuscules)',
        colour: 'Couleur',
        createdAt: 'Créée le',
        createdBy: 'Créée par',
      },
      labels: {
        colour: {
          grey: 'Gris',
          red: 'Rouge',
          orange: 'Orange',
          green: 'Vert',
          teal: 'Bleu canard',
          blue: 'Bleu',
          indigo: 'Indigo',
          purple: 'Violet',
          pink: 'Rose',
          brown: 'Marron',
        },
      },
    },
    Client: {
      properties: { tags: 'Étiquettes', tagMode: 'Étiquettes à trouver' },
      labels: { tagMode: { any: 'L’une d’elles', all: 'Toutes', none: 'Aucune' } },
    },
    ClientEvent: { labels: { type: { tags_changed: 'Étiquettes modifiées' } } },
  },
  components: {
    ClientTagPicker: {
      none: 'Aucune étiquette',
      add: 'Ajouter une étiquette',
      addButton: 'Ajouter',
      remove: 'Retirer l’étiquette {{name}}',
    },
  },
}
