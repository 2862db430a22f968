/**
 * Badge colors per client status: green active, yellow pending or suspended, red banned, grey
 * deleted. Plain colors rather than theme names: AdminJS's `warning` is brown, not yellow.
 * Each pair keeps a contrast ratio of at least 4.5:1 (WCAG AA).
 */
export const CLIENT_STATUS_STYLE: Record<string, { bg: string; color: string }> = {
  active: { bg: '#1E7B34', color: '#FFFFFF' },
  pending: { bg: '#FFD43B', color: '#3D2E00' },
  suspended: { bg: '#FFD43B', color: '#3D2E00' },
  banned: { bg: '#C92A2A', color: '#FFFFFF' },
  deleted: { bg: '#6C757D', color: '#FFFFFF' },
}

/** Not a status: the mark of an anonymised client, whatever status it kept (its identity is gone for good). */
export const ANONYMISED = 'anonymised'
export const ANONYMISED_STYLE = { bg: '#6C757D', color: '#FFFFFF' }

const UNKNOWN_STATUS_STYLE = { bg: '#E9ECEF', color: '#212529' }

export function clientStatusStyle(status: string | undefined): { bg: string; color: string } {
  return (status && CLIENT_STATUS_STYLE[status]) || UNKNOWN_STATUS_STYLE
}
