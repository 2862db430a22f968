/**
 * AdminJS theme colors the plugin's `adminOptions.branding` sets, for WCAG AA contrast:
 * - its secondary grey (#898A9A, breadcrumbs, hints, counts) reads at 3.2:1 on the page's
 *   background; this one at 5.3:1;
 * - its light grey (#BBC3CB) is the background of every default badge (the enum values of the
 *   Contracts, Commissions, Emails, History lists, the templates' states) under white text at
 *   1.8:1; this one gives 4.8:1 (and darker borders where AdminJS draws them in that grey).
 */
export const ACCESSIBLE_THEME = { colors: { grey60: '#666777', grey40: '#6A737D' } }
