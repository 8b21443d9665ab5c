// The locale API's types: resolveLocale gives a Locale, loadLocale takes one
// (in any case) and resolves to the locale API, and a locale's module has the
// main entry's functions with the same types (so StepId is one type in every locale).
import {describe, expectTypeOf, it} from 'vitest'
import type * as German from '../src/generated/locales/de/index.js'
import {type Locale, type LocaleModule, type StepId, getStepById, loadLocale, locales, resolveLocale} from '../src/index.js'
import {type RenderModule, getStepContent, loadLocaleContent} from '../src/render/index.js'

describe('locale types', () => {
  it('resolveLocale takes a tag or a list of tags and returns a Locale', () => {
    expectTypeOf(resolveLocale).parameter(0).toEqualTypeOf<string | readonly string[]>()
    expectTypeOf(resolveLocale('es-MX')).toEqualTypeOf<Locale>()
    expectTypeOf(resolveLocale(['pt-BR', 'fr-CA'])).toEqualTypeOf<Locale>()
    // navigator.languages is a readonly string[]
    expectTypeOf(resolveLocale).toBeCallableWith([] as readonly string[])
  })

  it('resolveLocale takes the locales an app offers and its default, each a Locale', () => {
    expectTypeOf(resolveLocale).toBeCallableWith('de-CH,de;q=0.9', {available: [locales[0]!], default: locales[0]!})
    expectTypeOf(resolveLocale).toBeCallableWith('de', {})
    // @ts-expect-error an offered locale is one of `locales`
    void resolveLocale('de', {available: ['xx']})
  })

  it('loadLocale and loadLocaleContent take a Locale only, in lower or upper case, and resolve to the modules', () => {
    expectTypeOf(loadLocale(resolveLocale('de'))).resolves.toEqualTypeOf<LocaleModule>()
    expectTypeOf(loadLocaleContent(resolveLocale('de'))).resolves.toEqualTypeOf<RenderModule>()
    expectTypeOf(loadLocale).toBeCallableWith('DE')
    expectTypeOf(loadLocaleContent).toBeCallableWith('en-gb')
    // @ts-expect-error a reader's tag must be resolved first
    void loadLocale('es-MX')
    // @ts-expect-error a reader's tag must be resolved first
    void loadLocaleContent('es-MX')
  })

  it('lists the locales as a readonly list of Locale', () => {
    expectTypeOf(locales).toEqualTypeOf<readonly Locale[]>()
    // @ts-expect-error the list is read-only
    locales.push('de')
  })

  it("gives a locale's module the main entry's functions and types", () => {
    expectTypeOf<LocaleModule['getStepById']>().toEqualTypeOf<typeof getStepById>()
    expectTypeOf<typeof German.getStepById>().toEqualTypeOf<typeof getStepById>()
    expectTypeOf<RenderModule['getStepContent']>().toEqualTypeOf<typeof getStepContent>()
    expectTypeOf<Parameters<LocaleModule['getStepById']>[0]>().toEqualTypeOf<StepId>()
    expectTypeOf<LocaleModule['guide']['locale']>().toEqualTypeOf<Locale>()
  })
})
