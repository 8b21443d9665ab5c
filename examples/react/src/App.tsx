import {type Locale, type LocaleModule, checklistForRound, guide, loadLocale, locales, resolveLocale} from 'ace-second-interview'
import {type RenderModule, type RenderedContent, loadLocaleContent} from 'ace-second-interview/render'
import type {Root} from 'hast'
import {type Components, toJsxRuntime} from 'hast-util-to-jsx-runtime'
import {useEffect, useState} from 'react'
import {Fragment, jsx, jsxs} from 'react/jsx-runtime'
import {useProgress} from './progress.js'

// Links in the guide leave the app: open them in a new tab, without an opener.
const components: Partial<Components> = {
  a: (props) => <a {...props} target="_blank" rel="noopener noreferrer" />,
}

// The trees are frozen and typed read-only; toJsxRuntime only reads its tree,
// though its parameter is typed with the mutable `Root`.
function Rich({tree}: {tree: RenderedContent['hast']}) {
  return toJsxRuntime(tree as Root, {Fragment, jsx, jsxs, components})
}

// A few rounds to pick from; the guide has no upper bound.
const ROUNDS = Array.from({length: 5}, (_, index) => guide.rounds.from + index)

function RoundPicker({round, onChange}: {round: number; onChange: (round: number) => void}) {
  return (
    <label className="round-picker">
      Interview round{' '}
      <select aria-label="Interview round" value={round} onChange={(event) => onChange(Number(event.target.value))}>
        {ROUNDS.map((r) => (
          <option key={r} value={r}>
            Round {r} ({checklistForRound(r).length} actions)
          </option>
        ))}
      </select>
    </label>
  )
}

// Each language in its own name ("Deutsch", "español"), for the picker.
function languageName(locale: Locale): string {
  return new Intl.DisplayNames([locale], {type: 'language'}).of(locale) ?? locale
}

function LanguagePicker({locale, onChange}: {locale: Locale; onChange: (locale: Locale) => void}) {
  return (
    <label className="language-picker">
      Language{' '}
      <select aria-label="Language" value={locale} onChange={(event) => onChange(resolveLocale(event.target.value))}>
        {locales.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {languageName(tag)}
          </option>
        ))}
      </select>
    </label>
  )
}

/** One locale's text API and its rich content. */
interface Loaded {
  readonly api: LocaleModule
  readonly content: RenderModule
}

/**
 * The chosen locale's API and rich content, loaded on demand: `loadLocale`
 * and `loadLocaleContent` import one chunk per locale, so the page downloads
 * only the languages the reader picks.
 */
function useLocale(locale: Locale): Loaded | undefined {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined)
  useEffect(() => {
    let current = true
    Promise.all([loadLocale(locale), loadLocaleContent(locale)]).then(
      ([api, content]) => current && setLoaded({api, content}),
      (error: unknown) => console.error(error),
    )
    return () => {
      current = false
    }
  }, [locale])
  return loaded?.api.guide.locale === locale ? loaded : undefined
}

/**
 * The guide, with a language picker (the reader's browser languages first),
 * a round picker and a persisted checklist. Ticks are stored by item id, the
 * same in every locale, so they survive a change of language. Every locale
 * is shown rich: its render module's trees, links and emphasis included.
 */
export function App() {
  const [locale, setLocale] = useState<Locale>(() => resolveLocale(navigator.languages))
  const loaded = useLocale(locale)
  const [round, setRound] = useState(guide.rounds.from)
  const {checked, toggle, news, dropped, notice} = useProgress()
  if (loaded === undefined) return <main aria-busy="true">…</main>
  const {api, content} = loaded
  // The same items, ids and order as `api.checklistForRound(round)`, as trees.
  const items = content.checklistContentForRound(round)
  return (
    <main lang={api.guide.locale}>
      <LanguagePicker locale={locale} onChange={setLocale} />
      <h1>{api.guide.title}</h1>
      <section aria-label="Introduction">
        <Rich tree={content.getIntroContent().hast} />
      </section>
      {notice === undefined ? null : <p role="status">{notice}</p>}
      {news.length === 0 ? null : (
        <aside aria-label="New since your last visit" className="news">
          <strong>New since your last visit:</strong>
          <ul>
            {news.map((item) => (
              <li key={item.id} data-item-id={item.id}>
                {item.text}
              </li>
            ))}
          </ul>
        </aside>
      )}
      {dropped.length === 0 ? null : (
        <p role="status" className="dropped">
          {dropped.length === 1 ? '1 ticked action is' : `${dropped.length} ticked actions are`} no longer in the guide.
        </p>
      )}
      <RoundPicker round={round} onChange={setRound} />
      {api.listSteps().map((step) => (
        <section key={step.id} id={step.id} aria-labelledby={`${step.id}-title`}>
          <h2 id={`${step.id}-title`}>
            {step.number}. {step.title}
          </h2>
          <Rich tree={content.getStepContent(step.number).hast} />
          <ul className="checklist">
            {items
              .filter((item) => item.stepId === step.id)
              .map((item) => (
                <li key={item.id}>
                  <label>
                    <input
                      type="checkbox"
                      data-item-id={item.id}
                      checked={checked.has(item.id)}
                      onChange={() => toggle(item.id)}
                    />{' '}
                    <Rich tree={item.hast} />
                  </label>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </main>
  )
}
