/**
 * Where the dashboard component reads its data: AdminJS's dashboard API on the home page, or
 * the page's own API when the host mounts it as a page (`pages: { clients: clients.dashboard }`).
 */
export function dashboardPageName(pathname: string): string | null {
  const page = /\/pages\/([^/?#]+)\/?$/.exec(pathname)
  return page ? decodeURIComponent(page[1]) : null
}
