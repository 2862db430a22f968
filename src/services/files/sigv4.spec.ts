import { EMPTY_SHA256, signS3Request } from './sigv4.js'

describe('signS3Request', () => {
  // AWS's documented example (Amazon S3 API reference, "Signature Calculations for the
  // Authorization Header", GET Object): its published signature.
  test('signs the GET Object example of the S3 documentation as AWS does', () => {
    const headers = signS3Request(
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: { Range: 'bytes=0-9' },
        payloadHash: EMPTY_SHA256,
      },
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      'us-east-1',
      new Date('2013-05-24T00:00:00Z'),
    )
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    )
  })

  test('signs the session token with the rest', () => {
    const headers = signS3Request(
      { method: 'DELETE', url: new URL('http://127.0.0.1:9000/b/k'), payloadHash: EMPTY_SHA256 },
      { accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T' },
      'eu-west-3',
    )
    expect(headers['x-amz-security-token']).toBe('T')
    expect(headers.authorization).toContain(
      'SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token',
    )
  })
})
