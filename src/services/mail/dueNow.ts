/** Now, in whole seconds: MySQL rounds a DATETIME's fraction (sometimes up), so a row is due at once everywhere. */
export const dueNow = () => new Date(Math.floor(Date.now() / 1000) * 1000)
