import { dashboardPageName } from './dashboardPage.js'

test('the dashboard mounted as a page reads the page, on the home page the dashboard', () => {
  expect(dashboardPageName('/backoffice/pages/clients')).toBe('clients')
  expect(dashboardPageName('/admin/pages/clients/')).toBe('clients')
  expect(dashboardPageName('/admin')).toBeNull()
  expect(dashboardPageName('/admin/')).toBeNull()
  expect(dashboardPageName('/admin/resources/Client')).toBeNull()
})
