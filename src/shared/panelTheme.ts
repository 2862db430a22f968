/**
 * AdminJS theme colors the plugin's `adminOptions.branding` sets: its secondary grey (#898A9A,
 * breadcrumbs, hints, counts) reads at 3.2:1 on the page's background; this one at 5.3:1 (WCAG AA).
 */
export const ACCESSIBLE_THEME = { colors: { grey60: '#666777' } }
