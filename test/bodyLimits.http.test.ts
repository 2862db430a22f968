// bodyLimits in front of AdminJS's body parser (express-formidable), as protectAdminRouter mounts it.
import express from 'express'
import formidableMiddleware from 'express-formidable'
import request from 'supertest'
import { bodyLimits, formidableLimits } from '../src/http/bodyLimits.js'

const app = express()
app.use(bodyLimits())
app.use(formidableMiddleware(formidableLimits()))
app.all('/echo', (req, res) => {
  res.json({ fields: (req as express.Request & { fields?: unknown }).fields ?? null })
})

test('a read skips the body parser (a body sent with it is ignored); a POST is still parsed', async () => {
  for (const method of ['get', 'options'] as const) {
    const read = await request(app)[method]('/echo').type('form').send('a=1')
    expect(read.status).toBe(200)
    if (method === 'get') expect(read.body).toEqual({ fields: {} })
  }
  const head = await request(app).head('/echo').type('form').send('a=1')
  expect(head.status).toBe(200)
  const post = await request(app).post('/echo').type('form').send('a=1')
  expect(post.body).toEqual({ fields: { a: '1' } })
  const empty = await request(app).post('/echo')
  expect(empty.body).toEqual({ fields: {} })
})
