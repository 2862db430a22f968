export interface LayoutRow {
  id: string
  folders: string[]
  holds: string
  imports: string[]
  typeOnly?: string[]
  node?: false
  packages?: string[]
}
export const SERVICE_ROOMS: string[]
export const layout: LayoutRow[]
export const NOT_IMPORTED_BY_SRC: string[]
export function folderPattern(folder: string): string
