// The host's own component: a product's price, on its own ComponentLoader next to the plugin's.
import React from 'react'
import type { BasePropertyProps } from 'adminjs'

const ProductPrice: React.FC<BasePropertyProps> = ({ record, property }) => (
  <span data-testid="host-product-price">{`${String(record?.params[property.path] ?? '')} €`}</span>
)

export default ProductPrice
