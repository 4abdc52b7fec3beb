import { describe, expect, it } from 'vitest'
import {
  CryptoError,
  IV_BYTES,
  createDeviceKey,
  decryptRecord,
  encodeAad,
  encryptBytes,
  encryptRecord,
  generateDataKey,
  unwrapDataKey,
  wrapDataKey,
  type Bytes,
  type DataKey,
  type DecryptRecordInput,
} from '@/data/crypto'

async function freshDataKey(): Promise<DataKey> {
  const deviceKey = await createDeviceKey()
  return unwrapDataKey(await wrapDataKey(generateDataKey(), deviceKey), deviceKey)
}

function flipByte(bytes: Bytes, index: number): Bytes {
  const copy = new Uint8Array(bytes)
  copy[index] = (copy[index] ?? 0) ^ 0x01
  return copy
}

async function expectCryptoError(promise: Promise<unknown>, code: CryptoError['code']): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(CryptoError)
  expect((error as CryptoError).code).toBe(code)
}

const payload = {
  id: 'r1',
  kind: 'note',
  text: 'Meet Ana at the housing office — 10:00',
  tags: ['ü', '日本'],
}

async function sealed(dataKey: DataKey): Promise<DecryptRecordInput> {
  const address = { keyId: dataKey.keyId, table: 'records', id: 'r1', schemaVersion: 1 }
  const { iv, ct } = await encryptRecord({ key: dataKey.key, ...address, payload })
  return { key: dataKey.key, ...address, iv, ct }
}

describe('record encryption', () => {
  it('round-trips a JSON payload', async () => {
    const input = await sealed(await freshDataKey())
    await expect(decryptRecord(input)).resolves.toEqual(payload)
  })

  it('pads every record to a block of 256 bytes, and still reads a row written before padding', async () => {
    const dataKey = await freshDataKey()
    const input = await sealed(dataKey)
    // AES-GCM adds a 16-byte tag to the padded plaintext.
    expect((input.ct.byteLength - 16) % 256).toBe(0)
    // The old shape: the record's UTF-8 JSON encrypted as it was, under the same AAD.
    const address = { keyId: dataKey.keyId, table: 'records', id: 'r1', schemaVersion: 1 }
    const aad = encodeAad(['trin/record/v1', address.table, address.id, address.schemaVersion, address.keyId])
    const old = await encryptBytes(dataKey.key, new TextEncoder().encode(JSON.stringify(payload)), aad)
    await expect(decryptRecord({ key: dataKey.key, ...address, ...old })).resolves.toEqual(payload)
  })

  it('uses a fresh 96-bit IV on every write', async () => {
    const dataKey = await freshDataKey()
    const a = await sealed(dataKey)
    const b = await sealed(dataKey)
    expect(a.iv.byteLength).toBe(IV_BYTES)
    expect(a.iv).not.toEqual(b.iv)
    expect(a.ct).not.toEqual(b.ct)
  })

  it('keeps the plaintext out of the ciphertext', async () => {
    const { ct } = await sealed(await freshDataKey())
    expect(new TextDecoder().decode(ct)).not.toContain('housing office')
  })

  it('keeps the unwrapped data key non-extractable', async () => {
    const dataKey = await freshDataKey()
    expect(dataKey.key.extractable).toBe(false)
    expect([...dataKey.key.usages].sort()).toEqual(['decrypt', 'encrypt'])
  })

  describe('detects tampering with a typed error', () => {
    it('a flipped byte in the ciphertext', async () => {
      const input = await sealed(await freshDataKey())
      await expectCryptoError(decryptRecord({ ...input, ct: flipByte(input.ct, 3) }), 'decrypt-failed')
    })

    it('a flipped byte in the GCM tag', async () => {
      const input = await sealed(await freshDataKey())
      await expectCryptoError(
        decryptRecord({ ...input, ct: flipByte(input.ct, input.ct.byteLength - 1) }),
        'decrypt-failed',
      )
    })

    it('a flipped byte in the IV', async () => {
      const input = await sealed(await freshDataKey())
      await expectCryptoError(decryptRecord({ ...input, iv: flipByte(input.iv, 0) }), 'decrypt-failed')
    })

    it('a record swapped in under another id', async () => {
      const input = await sealed(await freshDataKey())
      await expectCryptoError(decryptRecord({ ...input, id: 'r2' }), 'decrypt-failed')
    })

    it('a changed schema version', async () => {
      const input = await sealed(await freshDataKey())
      await expectCryptoError(decryptRecord({ ...input, schemaVersion: 2 }), 'decrypt-failed')
    })

    it('a changed key id', async () => {
      const input = await sealed(await freshDataKey())
      await expectCryptoError(decryptRecord({ ...input, keyId: 'another-key' }), 'decrypt-failed')
    })

    it('a changed table', async () => {
      const input = await sealed(await freshDataKey())
      await expectCryptoError(decryptRecord({ ...input, table: 'backups' }), 'decrypt-failed')
    })

    it('the wrong data key', async () => {
      const input = await sealed(await freshDataKey())
      const other = await freshDataKey()
      await expectCryptoError(decryptRecord({ ...input, key: other.key }), 'decrypt-failed')
    })

    it('a truncated ciphertext or short IV as a bad envelope', async () => {
      const input = await sealed(await freshDataKey())
      await expectCryptoError(decryptRecord({ ...input, ct: input.ct.slice(0, 8) }), 'bad-envelope')
      await expectCryptoError(decryptRecord({ ...input, iv: input.iv.slice(0, 8) }), 'bad-envelope')
    })

    it('a key that may not decrypt as a bad key', async () => {
      const input = await sealed(await freshDataKey())
      await expectCryptoError(decryptRecord({ ...input, key: await createDeviceKey() }), 'bad-key')
    })
  })

  it('encodes AAD components unambiguously', () => {
    const decode = (bytes: Bytes) => new TextDecoder().decode(bytes)
    expect(decode(encodeAad(['a', 'bc']))).not.toBe(decode(encodeAad(['ab', 'c'])))
    expect(decode(encodeAad(['a","b']))).not.toBe(decode(encodeAad(['a', 'b'])))
    expect(decode(encodeAad(['x', 1]))).not.toBe(decode(encodeAad(['x', '1'])))
  })

  it('refuses a payload that is not JSON', async () => {
    const dataKey = await freshDataKey()
    const address = { keyId: dataKey.keyId, table: 'records', id: 'r1', schemaVersion: 1 }
    await expectCryptoError(
      encryptRecord({ key: dataKey.key, ...address, payload: undefined }),
      'bad-payload',
    )
    await expectCryptoError(
      encryptRecord({ key: dataKey.key, ...address, payload: { n: 1n } }),
      'bad-payload',
    )
  })
})

describe('data-key wrapping', () => {
  it('round-trips through wrap and unwrap', async () => {
    const deviceKey = await createDeviceKey()
    const material = generateDataKey()
    const wrap = await wrapDataKey(material, deviceKey)
    expect(wrap).toMatchObject({ format: 1, method: 'device', keyId: material.keyId })
    expect(wrap.iv.byteLength).toBe(IV_BYTES)

    const first = await unwrapDataKey(wrap, deviceKey)
    const again = await unwrapDataKey(wrap, deviceKey)
    const input = await sealed(first)
    await expect(decryptRecord({ ...input, key: again.key })).resolves.toEqual(payload)
  })

  it('makes a device key that can only wrap, and cannot be exported', async () => {
    const deviceKey = await createDeviceKey()
    expect(deviceKey.extractable).toBe(false)
    expect([...deviceKey.usages].sort()).toEqual(['unwrapKey', 'wrapKey'])
  })

  it('fails with decrypt-failed under the wrong wrapping key', async () => {
    const wrap = await wrapDataKey(generateDataKey(), await createDeviceKey())
    await expectCryptoError(unwrapDataKey(wrap, await createDeviceKey()), 'decrypt-failed')
  })

  it('binds the wrap to its key id and bytes', async () => {
    const deviceKey = await createDeviceKey()
    const wrap = await wrapDataKey(generateDataKey(), deviceKey)
    await expectCryptoError(unwrapDataKey({ ...wrap, keyId: 'f'.repeat(32) }, deviceKey), 'decrypt-failed')
    await expectCryptoError(
      unwrapDataKey({ ...wrap, wrapped: flipByte(wrap.wrapped, 5) }, deviceKey),
      'decrypt-failed',
    )
    await expectCryptoError(
      unwrapDataKey({ ...wrap, iv: flipByte(wrap.iv, 11) }, deviceKey),
      'decrypt-failed',
    )
  })
})
