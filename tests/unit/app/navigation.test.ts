import { describe, expect, it } from 'vitest'
import { isInSection } from '@/app/navigation'

describe('isInSection', () => {
  it.each([
    ['/', '/', true],
    ['/plan', '/', false],
    ['/plan', '/plan', true],
    ['/plan/goals/3f0c', '/plan', true],
    ['/plan/areas', '/plan', true],
    ['/planner', '/plan', false],
    ['/settings/security', '/settings', true],
    ['/activities/new', '/activities', true],
    ['/course', '/settings', false],
  ])('%s is in %s: %s', (current, section, expected) => {
    expect(isInSection(current, section)).toBe(expected)
  })
})
