// @vitest-environment node
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  checkCss,
  checkStyleSource,
  checkStylesIn,
  formatViolation,
  judgeDeclaration,
  type CssViolation,
} from '../../../scripts/lib/logical-css'

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const brief = (violations: readonly CssViolation[]) =>
  violations.map((v) => `${String(v.line)} ${v.severity} ${v.property}`)

describe('checkCss on fixtures', () => {
  it('reports every physical declaration marked `expect:` in physical.css, and nothing else', () => {
    const css = fixture('physical.css')
    const expected = css.split('\n').flatMap((text, index) => {
      const mark = /^\s*([a-z-]+)\s*:.*\/\* expect: (error|warning) \*\//i.exec(text)
      return mark ? [`${String(index + 1)} ${mark[2] ?? ''} ${(mark[1] ?? '').toLowerCase()}`] : []
    })
    expect(expected.length).toBeGreaterThan(30)
    expect(brief(checkCss(css, { file: 'physical.css' }))).toEqual(expected)
  })

  it('accepts logical and symmetric styling, direction-aware rules and physical-ok comments in logical.css', () => {
    expect(checkCss(fixture('logical.css'), { file: 'logical.css' }).map(formatViolation)).toEqual([])
  })
})

describe('checkCss details', () => {
  it('reports the line, column, value and logical replacement', () => {
    expect(checkCss('.a {\n  color: red;\n  margin-left: 4px !important;\n}', { file: 'a.css' })).toEqual([
      {
        file: 'a.css',
        line: 3,
        column: 3,
        property: 'margin-left',
        value: '4px',
        severity: 'error',
        message: 'margin-left does not mirror: use margin-inline-start',
      },
    ])
  })

  it('needs the physical-ok comment on the declaration’s own line, with a reason', () => {
    const css = [
      '.a {',
      '  /* physical-ok: not on this line */',
      '  left: 0;',
      '  right: 0; /* physical-ok: */',
      '  float: left; /* physical-ok: icon sprite */',
      '}',
    ].join('\n')
    expect(brief(checkCss(css, { file: 'a.css' }))).toEqual(['3 error left', '4 error right'])
  })

  it('reads a data URL with semicolons as one value', () => {
    const css = '.a { background: url(data:image/svg+xml;base64,bGVmdA==) right; }'
    expect(brief(checkCss(css, { file: 'a.css' }))).toEqual(['1 error background'])
  })

  it.each([
    ['left', '0', 'left does not mirror: use inset-inline-start'],
    ['border-right-style', 'solid', 'border-right-style does not mirror: use border-inline-end-style'],
    [
      'border-bottom-left-radius',
      '2px',
      'border-bottom-left-radius does not mirror: use border-end-start-radius',
    ],
    ['float', 'left', 'float: left/right does not mirror: use inline-start / inline-end'],
  ])('suggests the logical twin of %s', (property, value, message) => {
    expect(judgeDeclaration(property, value)?.message).toBe(message)
  })
})

describe('checkStyleSource for single-file components', () => {
  const component = [
    '<template>',
    '  <p class="card">left and right in text are fine</p>',
    '</template>',
    '',
    '<style scoped>',
    '.card {',
    '  padding-inline: 1rem;',
    '  margin-right: 1rem;',
    '}',
    '</style>',
    '',
    '<style>',
    '.card--wide { text-align: right; }',
    '</style>',
  ].join('\n')

  it('checks every style block and reports the component’s line numbers', () => {
    expect(brief(checkStyleSource(component, 'Card.vue'))).toEqual([
      '8 error margin-right',
      '13 error text-align',
    ])
  })

  it('ignores the template', () => {
    expect(checkStyleSource('<template><div style="x">left: 0;</div></template>', 'Card.vue')).toEqual([])
  })

  it('reports a style block in a language it cannot read', () => {
    expect(
      checkStyleSource(
        '<template><p /></template>\n<style lang="scss">\n.a { left: 0 }\n</style>',
        'Card.vue',
      ),
    ).toEqual([expect.objectContaining({ line: 2, property: 'lang', severity: 'error' })])
  })
})

describe('the app’s styles', () => {
  it('use logical properties only (src/**/*.vue and src/**/*.css)', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url))
    const { files, violations } = checkStylesIn(`${root}src`, root)
    expect(files).toBeGreaterThan(0)
    const warnings = violations.filter((v) => v.severity === 'warning')
    if (warnings.length > 0) console.warn(warnings.map(formatViolation).join('\n'))
    expect(violations.filter((v) => v.severity === 'error').map(formatViolation)).toEqual([])
  })
})
