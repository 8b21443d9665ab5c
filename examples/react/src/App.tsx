import {checklistForRound, guide, listSteps} from 'ace-second-interview'
import {type RenderedContent, checklistContentForRound, getIntroContent, getStepContent} from 'ace-second-interview/render'
import type {Root} from 'hast'
import {type Components, toJsxRuntime} from 'hast-util-to-jsx-runtime'
import {useState} from 'react'
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

/** The guide, with a round picker and a persisted checklist. */
export function App() {
  const [round, setRound] = useState(guide.rounds.from)
  const {checked, toggle, news, dropped, notice} = useProgress()
  const items = checklistContentForRound(round)
  return (
    <main>
      <h1>{guide.title}</h1>
      <section aria-label="Introduction">
        <Rich tree={getIntroContent().hast} />
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
      {listSteps().map((step) => (
        <section key={step.id} id={step.id} aria-labelledby={`${step.id}-title`}>
          <h2 id={`${step.id}-title`}>
            {step.number}. {step.title}
          </h2>
          <Rich tree={getStepContent(step.number).hast} />
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
