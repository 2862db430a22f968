export interface LayerViolation {
  rule: string
  from: string
  to: string
  cycle?: string[]
}
export const START: string
export const END: string
export function layoutSection(): string
export function readmeWithLayout(readme?: string): Promise<string>
export function cruiseLayers(baseDir?: string): Promise<LayerViolation[]>
