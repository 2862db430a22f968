// Textes français des champs personnalisés (issue 28), fusionnés dans ../index.ts.
export const frCustomFields = {
  labels: { CustomField: 'Champs personnalisés' },
  messages: {
    invalidUrl: 'Saisissez une adresse web commençant par http:// ou https://.',
    invalidPhone: 'Saisissez un numéro de téléphone : chiffres, espaces, +, (, ), . et - uniquement.',
    customFieldAdminOnly: 'Seul un administrateur peut renseigner ce champ.',
    customFieldPattern: 'Cette valeur n’a pas la forme demandée par ce champ.',
    customFieldKeyInvalid:
      'La clé commence par une lettre minuscule, puis des lettres minuscules, chiffres ou _ (40 au plus).',
    customFieldKeyTaken: 'Un champ (peut-être supprimé) a déjà cette clé.',
    customFieldKeyLocked:
      'La clé d’un champ ne change pas : ses valeurs et son historique sont rangés sous elle.',
    customFieldTypeLocked: 'Le type d’un champ ne change pas : ses valeurs sont stockées selon leur type.',
    customFieldChoiceValue:
      'Chaque ligne est « valeur | libellé français | libellé anglais | couleur » ; la valeur est en minuscules, chiffres, - ou _.',
    customFieldChoiceTwice: 'Deux choix ont la même valeur.',
    customFieldChoiceLabel: 'Le libellé d’un choix a 100 caractères au plus, sans caractère de contrôle.',
    customFieldChoiceColour:
      'La couleur d’un choix est l’une de : grey, red, orange, green, teal, blue, indigo, purple, pink, brown.',
    customFieldTooManyChoices: '50 choix au plus.',
    customFieldChoicesRequired: 'Un champ à choix demande au moins un choix, un par ligne.',
    customFieldNoChoices: 'Seuls les types à choix prennent des choix.',
    customFieldNoPattern: 'Seuls les textes courts et longs prennent un motif.',
    customFieldPatternInvalid: 'Ce motif n’est pas une expression régulière valide (200 caractères au plus).',
    customFieldNotUnique: 'Les champs oui/non, à choix et texte long ne peuvent pas être uniques.',
    customFieldNotSearchable:
      'Seuls les champs texte, e-mail, adresse web et téléphone peuvent être cherchés.',
    customFieldChoiceInUse:
      'Un choix retiré ici est encore porté par des clients : gardez-le (ses libellés peuvent changer).',
    customFieldValuesShared: 'Des clients partagent une valeur de ce champ : il ne peut pas devenir unique.',
    customFieldRemoved:
      'Le champ est retiré des formulaires et des listes ; ses valeurs restent dans l’historique et l’archive.',
  },
  resources: {
    CustomField: {
      properties: {
        id: 'ID',
        key: 'Clé',
        type: 'Type',
        labelFr: 'Libellé (français)',
        labelEn: 'Libellé (anglais)',
        required: 'Obligatoire',
        isUnique: 'Unique',
        defaultValue: 'Valeur par défaut',
        pattern: 'Motif (expression régulière)',
        choices: 'Choix (un par ligne : valeur | libellé français | libellé anglais | couleur)',
        position: 'Ordre',
        personal: 'Donnée personnelle',
        searchable: 'Trouvé par la recherche',
        visibility: 'Visible par',
        createdAt: 'Créé le',
        createdBy: 'Créé par',
        updatedAt: 'Modifié le',
        removedAt: 'Supprimé le',
      },
      labels: {
        required: { true: 'Oui', false: 'Non' },
        isUnique: { true: 'Oui', false: 'Non' },
        personal: { true: 'Oui', false: 'Non' },
        searchable: { true: 'Oui', false: 'Non' },
        type: {
          shortText: 'Texte court',
          longText: 'Texte long',
          number: 'Nombre entier',
          decimal: 'Nombre décimal',
          money: 'Montant',
          date: 'Date',
          yesNo: 'Oui/non',
          choice: 'Un choix',
          choices: 'Plusieurs choix',
          email: 'E-mail',
          url: 'Adresse web',
          phone: 'Téléphone',
        },
        visibility: {
          everyone: 'Tous ceux qui voient le client',
          adminOnly: 'Les administrateurs seulement',
        },
      },
    },
    Client: { properties: { customFields: 'Champs personnalisés' } },
    ClientEvent: { labels: { type: { custom_field_changed: 'Champ personnalisé modifié' } } },
  },
  components: {
    CustomFields: {
      title: 'Champs personnalisés',
      none: '—',
      missing: 'Manquant (obligatoire)',
      filter: {
        from: 'À partir de',
        to: 'Jusqu’à',
        mode: 'correspondance',
        any: 'L’un des cochés',
        all: 'Tous les cochés',
        either: 'Oui ou non',
        yes: 'Oui',
        no: 'Non',
        contains: 'Contient…',
      },
    },
  },
}
