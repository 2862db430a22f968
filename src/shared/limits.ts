/** Longest texts a form accepts; the form says so instead of the database cutting them. */
export const MAX_REASON_LENGTH = 1000
export const MAX_NOTE_LENGTH = 5000
export const MAX_SUBJECT_LENGTH = 200
export const MAX_EMAIL_BODY_LENGTH = 20000
/** Longest password accepted anywhere (register, reset, change, login). Longer is refused before any work. */
export const MAX_PASSWORD_LENGTH = 128
/** A password field's text, far above any real password: the strength check says more before. */
export const MAX_PASSWORD_FIELD_LENGTH = 1000
/** The contracts ticked in a suspend or ban form, as comma-separated ids (hundreds of contracts). */
export const MAX_CONTRACT_IDS_LENGTH = 4000
/** The active contracts a suspend or ban form offers, all ticked: their ids fit MAX_CONTRACT_IDS_LENGTH. */
export const MAX_CONTRACT_CHOICE = 300
/** An email template edited in the panel: its subject, text body and optional HTML body. */
export const MAX_TEMPLATE_SUBJECT_LENGTH = 200
export const MAX_TEMPLATE_TEXT_LENGTH = 10000
export const MAX_TEMPLATE_HTML_LENGTH = 15000
