/**
 * The category scores as a picture: one horizontal bar per category from a zero line, the score a
 * category needs to lead drawn as a dashed line. An SVG with role="img" whose title states the same
 * numbers, and the numbers again in a table for screen readers. Colours come from CSS variables, so
 * dark mode and print follow the page. Renders the model only; no server or client hooks.
 */
import type { TScores } from '@/machines/result/result-model';

const WIDTH = 320;
const ROW = 28;
const TOP = 6;
const LABEL = 12; // name line height above each bar
const BAR = 10;
const RIGHT = 30; // room for the score after the bar

export function ScoreChart({ scores, id }: { scores: TScores; id: string }) {
  const values = scores.rows.map((r) => r.score);
  const min = Math.min(0, ...values);
  const max = Math.max(scores.threshold, ...values, 1);
  const x = (v: number) => ((v - min) / (max - min)) * (WIDTH - RIGHT);
  const height = TOP + scores.rows.length * ROW + 4;
  const zero = x(0);
  const line = x(scores.threshold);
  return (
    <>
      <svg
        className="score-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{scores.summary}</title>
        {scores.rows.map((r, i) => {
          const y = TOP + i * ROW;
          const from = Math.min(zero, x(r.score));
          const width = Math.max(Math.abs(x(r.score) - zero), r.score === 0 ? 0 : 2);
          const kind = r.emphasis;
          return (
            <g key={r.category} aria-hidden="true">
              <text x={0} y={y + LABEL - 3} className={`score-chart__name${r.leading ? ' score-chart__name--leading' : ''}`}>
                {r.name}
              </text>
              <rect x={from} y={y + LABEL} width={width} height={BAR} className={`score-chart__bar score-chart__bar--${kind}`} />
              <line x1={zero} x2={zero} y1={y + LABEL - 2} y2={y + LABEL + BAR + 2} className="score-chart__axis" />
              <line x1={line} x2={line} y1={y + LABEL - 2} y2={y + LABEL + BAR + 2} className="score-chart__threshold" />
              <text x={Math.max(zero, x(r.score)) + 4} y={y + LABEL + BAR - 1} className="score-chart__value">
                {r.scoreText}
              </text>
            </g>
          );
        })}
      </svg>
      {/* Hidden in a box of its own: a table does not shrink to the 1 px of .visually-hidden, and
          its width would widen a phone's page past the screen. */}
      <div className="visually-hidden">
        <table>
          <caption>Category scores</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {scores.rows.map((r) => (
              <tr key={r.category}>
                <th scope="row">{r.name}</th>
                <td>{r.scoreText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
